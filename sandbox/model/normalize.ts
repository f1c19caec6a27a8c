// How HighLevel normalises contact input: E.164 phones, lower-cased tags, split names, ISO dates.

/** `+1 888-888-8888` → `+18888888888`; ten bare digits are taken as a US number. */
export function normalizePhone(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = String(raw).trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 0) return null;
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return `+${digits}`;
}

export function normalizeEmail(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = String(raw).trim();
  return trimmed.length > 0 ? trimmed : null;
}

export function isPlausibleEmail(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

/** HighLevel stores tags trimmed and lower-cased; duplicates collapse. */
export function normalizeTag(raw: string): string {
  return String(raw).trim().toLowerCase();
}

export function normalizeTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  for (const item of raw) {
    const tag = normalizeTag(item);
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** `name` alone is split into first and last name, as HighLevel does when they are absent. */
export function splitName(name: string): { firstName: string | null; lastName: string | null } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { firstName: null, lastName: null };
  return { firstName: parts[0]!, lastName: parts.length > 1 ? parts.slice(1).join(' ') : null };
}

export function fullName(first: string | null, last: string | null): string | null {
  const name = [first, last].filter((part) => part && part.trim()).join(' ');
  return name.length > 0 ? name : null;
}

const DOB_PATTERNS: Array<{ pattern: RegExp; order: 'ymd' | 'mdy' }> = [
  { pattern: /^(\d{4})[/\-._](\d{1,2})[/\-._](\d{1,2})$/, order: 'ymd' },
  { pattern: /^(\d{1,2})[/\-._](\d{1,2})[/\-._](\d{4})$/, order: 'mdy' },
];

/**
 * Accepts the spec's date-of-birth formats (YYYY/MM/DD, MM/DD/YYYY with `/ - . _` separators),
 * ISO timestamps and epoch milliseconds. Returns midnight UTC as ISO, or undefined if unreadable.
 */
export function parseDateOfBirth(raw: unknown): string | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return midnight(new Date(raw));
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  for (const { pattern, order } of DOB_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const [year, month, day] = order === 'ymd' ? [a, b, c] : [c, a, b];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return date.toISOString();
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : midnight(new Date(parsed));
}

function midnight(date: Date): string {
  return new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()),
  ).toISOString();
}

/** ISO string, `YYYY-MM-DD`, or epoch milliseconds (number or numeric string) → epoch ms. */
export function toEpochMs(raw: unknown): number | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  if (/^-?\d+$/.test(raw.trim())) return Number(raw.trim());
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? undefined : parsed;
}
