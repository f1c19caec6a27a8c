// What New Contact in Business remembers between polls, in ONE z.cache value per connection and
// business (written once per poll, so that a stale write from an overlapping poll sets shape and
// ledger back together, and the members it sets back are found again): the list's shape
// (lib/businessMemberShape.ts) and a ledger of the members who recently joined.
//
// Every poll returns the ledger's members for LOOKBACK_MS after they joined, as the other polling
// triggers return their look-back window, and Zapier's per-Zap dedupe fires each once. So delivery
// does not depend on a poll's results being recorded: after a poll that fails after the member
// read, or another Zap's poll on the same business (Zapier does not say which Zap polls:
// `meta.zap` is deprecated), the next poll finds the members again in the ledger. That holds
// while no more than LEDGER_CAP members join within LOOKBACK_MS: one poll can move the shape past
// up to its budget's 2,000, and the entries of several polls share the cap, so beyond it only the
// newest by dateAdded are kept and the rest reach only the Zap whose poll found them.
import type { Bundle, ZObject } from 'zapier-platform-core';
import { locationIdOf } from '../../http/client';
import { readConnectionCache, writeConnectionCache } from '../../http/connectionCache';
import { contactSchema, type Contact } from '../../contacts/shape';
import { isShape, type ListShape } from './shape';
import { LOOKBACK_MS } from '../budget';
import { newestFirst } from '../contacts';

/** The memory outlives any poll interval; when it lapses, the next poll reads the whole list. */
export const MEMORY_CACHE_SECONDS = 24 * 60 * 60;

/**
 * Members the ledger keeps at most, the most recently joined: more than Zapier's default 100 new
 * items a poll, while the cache value stays small. Members beyond it (a bulk assignment) are
 * returned by the poll that found them only: another Zap, or the next poll after that one failed,
 * misses them.
 */
export const LEDGER_CAP = 250;

/** A member who joined, as read then (returned again without another request). */
export type LedgerEntry = { seenAt: number; member: Contact };

/** No shape: the next poll reads the whole list. */
export type BusinessMemory = { shape?: ListShape; ledger: LedgerEntry[] };

const memoryKey = (bundle: Bundle, businessId: string): string =>
  `businessMembers:${locationIdOf(bundle)}:${businessId}`;

const ledgerEntryOf = (value: unknown): LedgerEntry | undefined => {
  const { seenAt, member } = (value ?? {}) as Partial<LedgerEntry>;
  const parsed = contactSchema.safeParse(member);
  return typeof seenAt === 'number' && parsed.success ? { seenAt, member: parsed.data } : undefined;
};

/** What the last poll left; an empty memory when there is none (or the cache fails). */
export const loadMemory = async (
  z: ZObject,
  bundle: Bundle,
  businessId: string,
): Promise<BusinessMemory> => {
  const value = (await readConnectionCache(z, memoryKey(bundle, businessId))) as {
    shape?: unknown;
    ledger?: unknown;
  } | null;
  const ledger = Array.isArray(value?.ledger) ? value.ledger.map(ledgerEntryOf) : [];
  return {
    ...(isShape(value?.shape) ? { shape: value.shape } : {}),
    ledger: ledger.filter((entry) => entry !== undefined),
  };
};

/** Remembers `memory` for the next poll (a cache failure costs that poll a whole-list read). */
export const saveMemory = async (
  z: ZObject,
  bundle: Bundle,
  businessId: string,
  memory: BusinessMemory,
): Promise<void> => {
  await writeConnectionCache(z, memoryKey(bundle, businessId), memory, MEMORY_CACHE_SECONDS);
};

/** The entries seen within LOOKBACK_MS of `now`: every Zap has polled since older ones joined. */
export const recentEntries = (ledger: LedgerEntry[], now: number): LedgerEntry[] =>
  ledger.filter((entry) => now - entry.seenAt <= LOOKBACK_MS);

/**
 * The ledger after a poll found `joined` at `now`: theirs the newest entries (a member found again
 * replaces its old entry), the recent rest kept, at most LEDGER_CAP, the latest seen first.
 */
export const recordJoined = (ledger: LedgerEntry[], joined: Contact[], now: number) => {
  const ids = new Set(joined.map((member) => member.id));
  const entries = [
    ...joined.map((member) => ({ seenAt: now, member })),
    ...recentEntries(ledger, now).filter((entry) => !ids.has(entry.member.id)),
  ];
  // Among members seen at once (a cut burst), the newest dateAdded are kept: sort is stable.
  return newestFirst(entries, (entry) => entry.member.dateAdded)
    .sort((a, b) => b.seenAt - a.seenAt)
    .slice(0, LEDGER_CAP);
};
