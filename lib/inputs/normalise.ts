// Input normalisers: what a user types or maps in Zapier becomes what HighLevel accepts, or a
// clear error naming the field. They run before any request, so bad input never half-writes.
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import * as zod from 'zod';
import { invalidInput } from '../http/errors';

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

/** The country local phone numbers are read in: a code the phone-number rules know. */
export const normalizePhoneCountry = (label: string, value: unknown): CountryCode | undefined => {
  const code = normalizeCountry(label, value);
  if (code && !isSupportedCountry(code)) {
    throw invalidInput(
      label,
      `"${code}" is not a country whose phone numbers can be read (expected e.g. US, GB, DE).`,
    );
  }
  return code;
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

const MONTH_NAME = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])/i;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const NUMERIC_DATE = /\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b/;

/** True when year-month-day names a day that exists (no 31 April, no 29 February 2026). */
const isCalendarDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/**
 * JavaScript's Date parser reads almost anything as a date ("1" is 2001-01-01, "a,2" is
 * 1 February), so free text is only trusted when it carries a four-digit year and a month (a
 * month name or a numeric day/month/year). ISO 8601 and epoch seconds or milliseconds are read
 * exactly.
 */
const parseDateTime = (text: string): Date | undefined => {
  if (/^\d{10}$|^\d{13}$/.test(text)) {
    return new Date(text.length === 10 ? Number(text) * 1000 : Number(text));
  }
  const iso = ISO_DATE_TIME.exec(text);
  if (iso) {
    if (!isCalendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return undefined;
  } else if (!/\b\d{4}\b/.test(text) || !(MONTH_NAME.test(text) || NUMERIC_DATE.test(text))) {
    return undefined;
  }
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** A date and time → ISO 8601 in UTC, the form HighLevel stores (e.g. task due dates). */
export const normalizeDateTime = (label: string, value: unknown): string | undefined => {
  if (isBlank(value)) return undefined;
  const text = trimmed(value);
  const date = parseDateTime(text);
  if (!date) {
    throw invalidInput(
      label,
      `"${text}" is not a date and time (expected e.g. 2026-07-08T14:30:00Z).`,
    );
  }
  return date.toISOString();
};

// An optional time part is allowed (and ignored) after a year-first date, so that the value of a
// Zapier date-time field ("1990-04-23T00:00:00-05:00") keeps the calendar day the user picked.
const DATE_FORMATS: Array<{ pattern: RegExp; order: 'ymd' | 'mdy' }> = [
  {
    pattern:
      /^(\d{4})([-/._])(\d{1,2})\2(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i,
    order: 'ymd',
  },
  { pattern: /^(\d{1,2})([-/._])(\d{1,2})\2(\d{4})$/, order: 'mdy' },
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
    const [year, month, day] = (
      order === 'ymd' ? [match[1], match[3], match[4]] : [match[4], match[1], match[3]]
    ).map(Number) as [number, number, number];
    if (!isCalendarDate(year, month, day)) break;
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
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

/**
 * The items of a list input, each kept whole: trimmed, with blanks dropped. For lists whose items
 * may themselves contain commas (a custom field's options, the boxes of a text box list).
 */
export const listItems = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item) => !isBlank(item)).map(trimmed);

/** A list that must not be empty, e.g. the tags to add. */
export const requireList = (label: string, value: unknown): string[] => {
  const list = normalizeList(value);
  if (list.length === 0) throw invalidInput(label, 'at least one value is required.');
  return list;
};

// A host HighLevel's URL check accepts: a domain name with a top-level domain (punycode
// included), an IPv4 address or a bracketed IPv6 address. "localhost" and "intranet" are not.
const DOMAIN = /^(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+(?:[a-z]{2,63}|xn--[a-z\d-]{1,59})$/i;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
// "mailto:", "ftp://": a scheme. "example.com:8080" is a host and a port, not a scheme.
const SCHEME = /^([a-z][a-z\d+.-]*):(?!\d)/i;

/** The host of an absolute URL; '' when it does not parse or carries a user name or password. */
const hostOf = (url: string): string => {
  try {
    const { hostname, username, password } = new URL(url);
    return username || password ? '' : hostname;
  } catch {
    return '';
  }
};

/**
 * A website → an http(s) URL. HighLevel refuses anything else with a 422 ("website must be an
 * URL address"), so it is checked here first. A bare domain ("example.com/about") gets https://
 * in front, so that the contact's website is a link that opens.
 */
export const normalizeWebsite = (label: string, value: unknown): string | undefined => {
  if (isBlank(value)) return undefined;
  const text = trimmed(value);
  const expected = '(expected e.g. https://example.com or example.com)';
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    throw invalidInput(
      label,
      `"${text}" is not a web address: only http:// and https:// addresses are accepted ${expected}.`,
    );
  }
  const url = scheme ? text : `https://${text}`;
  const host = hostOf(url);
  // The URL parser reads a number as an IPv4 address ("https://0" → 0.0.0.0): only a dotted
  // quad as typed counts as one.
  const ipv4 = IPV4.test(host) && url.includes(host);
  if (/\s|^\//.test(text) || !(DOMAIN.test(host) || ipv4 || host.startsWith('['))) {
    throw invalidInput(label, `"${text}" is not a web address ${expected}.`);
  }
  return url;
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

/** An IANA time zone name ("America/New_York"), kept as typed once the runtime knows it. */
export const normalizeTimeZone = (label: string, value: unknown): string | undefined => {
  if (isBlank(value)) return undefined;
  const zone = trimmed(value);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw invalidInput(
      label,
      `"${zone}" is not a time zone (expected a name such as America/New_York or Europe/London).`,
    );
  }
  return zone;
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
