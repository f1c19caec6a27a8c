// Input normalisers: what a user types or maps in Zapier becomes what HighLevel accepts, or a
// clear error naming the field. They run before any request, so bad input never half-writes.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z as zod } from 'zod';
import { invalidInput } from './errors';

/** Zapier sends "" for a field left empty; treat that, null and undefined alike. */
export const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.every(isBlank));

const trimmed = (value: unknown): string => String(value).trim();

const emailSchema = zod.email();

export const normalizeEmail = (label: string, value: unknown): string | undefined => {
  if (isBlank(value)) return undefined;
  const email = trimmed(value);
  if (!emailSchema.safeParse(email).success) {
    throw invalidInput(
      label,
      `"${email}" is not an email address (expected something like name@example.com).`,
    );
  }
  return email;
};

/** Two-letter ISO country used to read local numbers ("(415) 555-0134" with US). */
export const normalizeCountry = (label: string, value: unknown): CountryCode | undefined => {
  if (isBlank(value)) return undefined;
  const code = trimmed(value).toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) {
    throw invalidInput(
      label,
      `"${trimmed(value)}" is not a two-letter country code (expected e.g. US, GB, DE).`,
    );
  }
  return code as CountryCode;
};

/** Any readable phone number → E.164 ("+14155550134"), as HighLevel stores and matches it. */
export const normalizePhone = (
  label: string,
  value: unknown,
  defaultCountry?: CountryCode,
): string | undefined => {
  if (isBlank(value)) return undefined;
  const raw = trimmed(value);
  const phone = parsePhoneNumberFromString(raw, defaultCountry);
  if (!phone || !phone.isValid()) {
    const hint = defaultCountry
      ? `a valid number for ${defaultCountry} or one with a country code, e.g. +1 415 555 0134`
      : 'a number with its country code, e.g. +1 415 555 0134, or set Default Country for local numbers';
    throw invalidInput(label, `"${raw}" is not a valid phone number (expected ${hint}).`);
  }
  return phone.number;
};

/** A date and time → ISO 8601 in UTC, the form HighLevel stores (e.g. task due dates). */
export const normalizeDateTime = (label: string, value: unknown): string | undefined => {
  if (isBlank(value)) return undefined;
  const text = trimmed(value);
  const asNumber = /^\d{10,13}$/.test(text) ? Number(text) : NaN;
  const date = Number.isFinite(asNumber)
    ? new Date(text.length === 10 ? asNumber * 1000 : asNumber)
    : new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw invalidInput(
      label,
      `"${text}" is not a date and time (expected e.g. 2026-07-08T14:30:00Z).`,
    );
  }
  return date.toISOString();
};

const DATE_FORMATS: Array<{ pattern: RegExp; order: 'ymd' | 'mdy' }> = [
  { pattern: /^(\d{4})[-/._](\d{1,2})[-/._](\d{1,2})(?:[T ].*)?$/, order: 'ymd' },
  { pattern: /^(\d{1,2})[-/._](\d{1,2})[-/._](\d{4})$/, order: 'mdy' },
];

/**
 * A calendar date (date of birth) → YYYY-MM-DD, one of the formats HighLevel accepts. Accepts the
 * formats HighLevel documents (YYYY-MM-DD, MM/DD/YYYY, with -, /, . or _) and full ISO timestamps.
 */
export const normalizeDate = (label: string, value: unknown): string | undefined => {
  if (isBlank(value)) return undefined;
  const text = trimmed(value);
  for (const { pattern, order } of DATE_FORMATS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] =
      order === 'ymd' ? [match[1], match[2], match[3]] : [match[3], match[1], match[2]];
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso)) return iso;
  }
  throw invalidInput(
    label,
    `"${text}" is not a date (expected YYYY-MM-DD or MM/DD/YYYY, e.g. 1990-04-23).`,
  );
};

/**
 * A list input (tags, followers, ids). Items mapped from an earlier step often arrive as one
 * comma-separated string, so items are split on commas, trimmed, emptied out and de-duplicated.
 */
export const normalizeList = (value: unknown): string[] => {
  const items = Array.isArray(value) ? value : isBlank(value) ? [] : [value];
  const seen = new Set<string>();
  for (const item of items) {
    if (isBlank(item)) continue;
    for (const part of String(item).split(',')) {
      const clean = part.trim();
      if (clean) seen.add(clean);
    }
  }
  return [...seen];
};

/** A list that must not be empty, e.g. the tags to add. */
export const requireList = (label: string, value: unknown): string[] => {
  const list = normalizeList(value);
  if (list.length === 0) throw invalidInput(label, 'at least one value is required.');
  return list;
};

/** Zapier booleans arrive as true/false or as the strings "true"/"false"/"yes"/"no". */
export const normalizeBoolean = (label: string, value: unknown): boolean | undefined => {
  if (isBlank(value)) return undefined;
  if (typeof value === 'boolean') return value;
  const text = trimmed(value).toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(text)) return true;
  if (['false', 'no', '0', 'off'].includes(text)) return false;
  throw invalidInput(label, `"${trimmed(value)}" is not yes/no (expected true or false).`);
};

/** A required text input. */
export const requireText = (label: string, value: unknown): string => {
  if (isBlank(value)) throw invalidInput(label, 'a value is required.');
  return trimmed(value);
};

/** An optional text input: blank → undefined, so it is left out of the request. */
export const optionalText = (value: unknown): string | undefined =>
  isBlank(value) ? undefined : trimmed(value);

/** Drops undefined values so that only the fields the user filled are sent. */
export const compact = <T extends Record<string, unknown>>(object: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
