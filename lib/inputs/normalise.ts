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

const preview = (value: unknown): string => {
  try {
    return JSON.stringify(value).slice(0, 60);
  } catch {
    return Object.prototype.toString.call(value);
  }
};

/**
 * The text of a single-value input. Zapier sends text, numbers and yes/no as themselves; a list
 * with one filled item (a line item mapped into a plain field) is that item. Several values or an
 * object are refused: written as text they would become "a,b" or "[object Object]".
 */
const trimmed = (label: string, value: unknown): string => {
  if (Array.isArray(value)) {
    const items = value.filter((item) => !isBlank(item));
    if (items.length === 1) return trimmed(label, items[0]);
    throw invalidInput(
      label,
      `it takes one value, but ${items.length} were given (${preview(items)}).`,
    );
  }
  if (typeof value === 'object' && value !== null) {
    throw invalidInput(
      label,
      `expected text, but got an object (${preview(value)}); map a single value.`,
    );
  }
  return String(value).trim();
};

const emailSchema = zod.email();

export const normalizeEmail = (label: string, value: unknown): string | undefined => {
  if (isBlank(value)) return undefined;
  const email = trimmed(label, value);
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
  const code = trimmed(label, value).toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) {
    throw invalidInput(
      label,
      `"${trimmed(label, value)}" is not a two-letter country code (expected e.g. US, GB, DE).`,
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
  const raw = trimmed(label, value);
  const phone = parsePhoneNumberFromString(raw, defaultCountry);
  if (!phone || !phone.isValid()) {
    const hint = defaultCountry
      ? `a valid number for ${defaultCountry} or one with a country code, e.g. +1 415 555 0134`
      : 'a number with its country code, e.g. +1 415 555 0134, or set Default Country for local numbers';
    throw invalidInput(label, `"${raw}" is not a valid phone number (expected ${hint}).`);
  }
  // HighLevel keeps a phone number in E.164, which has no room for an extension: sending the
  // number alone would silently drop it.
  if (phone.ext) {
    throw invalidInput(
      label,
      `"${raw}" has an extension (${phone.ext}), which HighLevel's phone numbers cannot hold. Remove the extension, or keep it in a note or custom field.`,
    );
  }
  return phone.number;
};

/**
 * The forms a date input reads, for help texts and errors: the same words everywhere a date is
 * typed (Due Date, Date of Birth, date custom fields). A time is optional after each.
 */
export const DATE_FORMS = '2026-12-25, 12/25/2026 (month first) or 25 Dec 2026';

/** True when year-month-day names a day that exists (no 31 April, no 29 February 2026). */
const isCalendarDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

const ISO_DATE_TIME =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d{1,9}))?)?(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTH_NAME =
  '(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// A weekday before the date ("Fri, 25 Dec 2026 10:00:00 GMT", as email and HTTP write dates) must
// be the date's own weekday.
const WEEKDAY =
  '(?:(?<weekday>sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?)\\.?,?\\s+)?';
const DAY = '(?<day>\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(?<year>\\d{4})';
const TIME =
  '(?:,?\\s*(?:at\\s+|T)?(?<hour>\\d{1,2}):(?<minute>\\d{2})(?::(?<second>\\d{2}))?\\s*(?<meridiem>am|pm)?)?\\s*(?<zone>Z|UTC?|GMT|[+-]\\d{2}:?\\d{2})?';

/** The written forms of a date (and time) read besides ISO 8601: each must be the whole text. */
const WRITTEN_DATES = [
  `${DAY}\\s+${MONTH_NAME},?\\s+${YEAR}`, // 31 Feb 2026, 3rd March 2026 14:30, Fri, 25 Dec 2026 10:00:00 +0000
  `${MONTH_NAME}\\s+${DAY},?\\s+${YEAR}`, // Feb 3, 2026 at 2:30 pm
  `(?<month>\\d{1,2})(?<separator>[-/.])(?<day>\\d{1,2})\\k<separator>${YEAR}`, // 12/25/2026, month first as HighLevel writes it
].map((date) => new RegExp(`^${WEEKDAY}${date}${TIME}$`, 'i'));

const monthNumber = (text: string): number =>
  /^\d+$/.test(text) ? Number(text) : MONTHS.indexOf(text.slice(0, 3).toLowerCase()) + 1;

/** Minutes an explicit offset is ahead of UTC: Z, UT, UTC and GMT are 0. */
const offsetMinutes = (zone: string): number => {
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
};

type DateParts = {
  year: number;
  month: number;
  day: number;
  /** Undefined for a date alone. */
  hour?: number;
  minute: number;
  second: number;
  millisecond: number;
  /** The offset as written; undefined when the text gives none. */
  zone?: string;
};

/** True when the parts name a moment that exists (no 31 February, no 25:00). */
const isRealMoment = ({ year, month, day, hour = 0, minute, second }: DateParts): boolean =>
  isCalendarDate(year, month, day) && hour <= 23 && minute <= 59 && second <= 59;

const isoDateParts = (text: string): DateParts | undefined => {
  const parts = ISO_DATE_TIME.exec(text)?.groups;
  if (!parts) return undefined;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: parts.hour === undefined ? undefined : Number(parts.hour),
    minute: Number(parts.minute ?? 0),
    second: Number(parts.second ?? 0),
    millisecond: Number((parts.fraction ?? '').padEnd(3, '0').slice(0, 3)),
    zone: parts.zone,
  };
};

/** The parts of a written date and time: every part must exist (no 31 February, no 25:00, no 13 pm). */
const writtenDateParts = (text: string): DateParts | undefined => {
  const parts = WRITTEN_DATES.map((pattern) => pattern.exec(text)?.groups).find(Boolean);
  if (!parts) return undefined;
  const year = Number(parts.year);
  const month = monthNumber(parts.month ?? '');
  const day = Number(parts.day);
  let hour = parts.hour === undefined ? undefined : Number(parts.hour);
  if (parts.meridiem && hour !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (parts.meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  const date = { year, month, day, hour, minute: Number(parts.minute ?? 0) };
  const result = { ...date, second: Number(parts.second ?? 0), millisecond: 0, zone: parts.zone };
  if (!isRealMoment(result)) return undefined;
  if (parts.weekday) {
    const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    if (WEEKDAYS.indexOf(parts.weekday.slice(0, 3).toLowerCase()) !== weekday) return undefined;
  }
  return result;
};

/** The time zone a date-time without an offset is read in: the Zap's, or UTC when it has none. */
const knownTimeZone = (timeZone: string | null | undefined): string => {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
};

/** Milliseconds `timeZone` is ahead of UTC at the instant `utc`, daylight saving included. */
const zoneOffset = (timeZone: string, utc: number): number => {
  const fields = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(new Date(utc))
      .map(({ type, value }) => [type, Number(value)]),
  ) as Record<string, number>;
  const local = Date.UTC(
    fields.year!,
    fields.month! - 1,
    fields.day!,
    fields.hour!,
    fields.minute!,
    fields.second!,
  );
  return local - (utc - (((utc % 1000) + 1000) % 1000));
};

/**
 * The instant a clock in `timeZone` shows `wallClock` (its reading written as if UTC). The offset is
 * looked up twice, the second time at the instant the first gives, so that a time on the other
 * side of a daylight-saving change from the first guess gets its own offset.
 */
const zonedInstant = (wallClock: number, timeZone: string): number => {
  const guess = wallClock - zoneOffset(timeZone, wallClock);
  return wallClock - zoneOffset(timeZone, guess);
};

/**
 * The instant the parts name. Without an offset, they are read in the Zap's time zone, and a date
 * alone is 09:00 there: what Zapier's own date-time fields did, so existing Zaps keep their times.
 */
const instantOf = (parts: DateParts, timeZone: string | null | undefined): Date => {
  const { year, month, day, hour, minute, second, millisecond, zone } = parts;
  if (zone !== undefined) {
    const utc = Date.UTC(year, month - 1, day, hour ?? 0, minute, second, millisecond);
    return new Date(utc - offsetMinutes(zone) * 60_000);
  }
  const wallClock = Date.UTC(year, month - 1, day, hour ?? 9, minute, second, millisecond);
  return new Date(zonedInstant(wallClock, knownTimeZone(timeZone)));
};

/**
 * A date and time the app is sure of: ISO 8601, epoch seconds or milliseconds, or a written date
 * in one of the forms above, whole. JavaScript's own Date parser is not used on free text: it
 * moves 31 February to 3 March and finds a date inside a sentence ("I may come 12/25/2026").
 */
const parseDateTime = (text: string, timeZone: string | null | undefined): Date | undefined => {
  if (/^\d{10}$|^\d{13}$/.test(text)) {
    return new Date(text.length === 10 ? Number(text) * 1000 : Number(text));
  }
  const iso = isoDateParts(text);
  if (iso) return isRealMoment(iso) ? instantOf(iso, timeZone) : undefined;
  const written = writtenDateParts(text);
  return written && instantOf(written, timeZone);
};

/**
 * A date and time → ISO 8601 in UTC, the form HighLevel stores (e.g. task due dates). A value
 * without an offset is read in `timeZone` (the Zap's, an IANA name; UTC when none or unknown).
 */
export const normalizeDateTime = (
  label: string,
  value: unknown,
  timeZone?: string | null,
): string | undefined => {
  if (isBlank(value)) return undefined;
  const text = trimmed(label, value);
  const date = parseDateTime(text, timeZone);
  if (!date) {
    throw invalidInput(
      label,
      `"${text}" is not a date and time that exists (expected e.g. ${DATE_FORMS}, with an optional time such as 14:30 or 2:30 pm).`,
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

const isoDay = ({ year, month, day }: { year: number; month: number; day: number }): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The numeric forms of a calendar date, as HighLevel documents them, with their day order. */
const numericDay = (text: string): { year: number; month: number; day: number } | undefined => {
  for (const { pattern, order } of DATE_FORMATS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = (
      order === 'ymd' ? [match[1], match[3], match[4]] : [match[4], match[1], match[3]]
    ).map(Number) as [number, number, number];
    return { year, month, day };
  }
  return undefined;
};

/**
 * A calendar date (date of birth, a date custom field) → YYYY-MM-DD, one of the formats HighLevel
 * accepts. Reads the formats HighLevel documents (YYYY-MM-DD, MM/DD/YYYY, with -, /, . or _), full
 * ISO timestamps, and the written dates Due Date reads ("25 Dec 2026", "Dec 25, 2026 2:30 pm"):
 * the day as written is kept, and a time after it is allowed and not used.
 */
export const normalizeDate = (label: string, value: unknown): string | undefined => {
  if (isBlank(value)) return undefined;
  const text = trimmed(label, value);
  const parts = numericDay(text) ?? writtenDateParts(text);
  if (parts && isCalendarDate(parts.year, parts.month, parts.day)) return isoDay(parts);
  throw invalidInput(label, `"${text}" is not a date that exists (expected e.g. ${DATE_FORMS}).`);
};

/**
 * The items of a list input, each kept whole: trimmed, with blanks dropped. An item is what the
 * user gave as one value, so a comma inside it stays ("Smith, John" is one tag, and a multi-select
 * option "Morning, before 9am" one option).
 */
export const listItems = (label: string, value: unknown): string[] =>
  (Array.isArray(value) ? value : [value])
    .filter((item) => !isBlank(item))
    .map((item) => trimmed(label, item));

/** A list's items, each kept whole, each once (tags). */
export const uniqueItems = (label: string, value: unknown): string[] => [
  ...new Set(listItems(label, value)),
];

/**
 * A list of HighLevel ids, each once. An id never contains a comma, so ids mapped from an earlier
 * step as one comma-separated text ("c1,c2") are split.
 */
export const idList = (label: string, value: unknown): string[] => [
  ...new Set(
    listItems(label, value).flatMap((item) =>
      item
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ),
];

/** A list that must not be empty, e.g. the tags to add. */
export const requireItems = (label: string, items: string[]): string[] => {
  if (items.length === 0) throw invalidInput(label, 'at least one value is required.');
  return items;
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
  const text = trimmed(label, value);
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

/**
 * A yes/no input: true/false, or the words "true"/"false", "yes"/"no", "1"/"0", "on"/"off" in any
 * case. Anything else is refused, never guessed (see yesNoField for why such inputs are declared
 * as text with Yes/No choices rather than as Zapier booleans).
 */
export const normalizeBoolean = (label: string, value: unknown): boolean | undefined => {
  if (isBlank(value)) return undefined;
  if (typeof value === 'boolean') return value;
  const text = trimmed(label, value).toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(text)) return true;
  if (['false', 'no', '0', 'off'].includes(text)) return false;
  throw invalidInput(label, `"${trimmed(label, value)}" is not yes/no (expected true or false).`);
};

/** An IANA time zone name ("America/New_York"), kept as typed once the runtime knows it. */
export const normalizeTimeZone = (label: string, value: unknown): string | undefined => {
  if (isBlank(value)) return undefined;
  const zone = trimmed(label, value);
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
  return trimmed(label, value);
};

/** An optional text input: blank → undefined, so it is left out of the request. */
export const optionalText = (label: string, value: unknown): string | undefined =>
  isBlank(value) ? undefined : trimmed(label, value);

/** Drops undefined values so that only the fields the user filled are sent. */
export const compact = <T extends Record<string, unknown>>(object: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
