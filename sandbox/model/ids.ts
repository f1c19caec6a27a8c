// Identifiers shaped like HighLevel's: 20 alphanumeric characters (Firestore-style push ids).
import crypto from 'crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const ID_PATTERN = /^[A-Za-z0-9]{20}$/;

export function newId(): string {
  const bytes = crypto.randomBytes(20);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** A deterministic generator, so the seed produces the same ids on every run. */
export function seededIds(seed: number): () => string {
  let state = seed >>> 0;
  const next = (): number => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    let id = '';
    for (let i = 0; i < 20; i++) id += ALPHABET[Math.floor(next() * ALPHABET.length)];
    return id;
  };
}

export function traceId(): string {
  return crypto.randomUUID();
}
