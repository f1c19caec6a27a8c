// Properties of every input normaliser: what users type or map becomes what HighLevel accepts, or
// a clear error naming the field, whatever the input.
import fc from 'fast-check';
import {
  getCountries,
  getExampleNumber,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';
import {
  compact,
  idList,
  isBlank,
  listItems,
  normalizeBoolean,
  normalizeCountry,
  normalizeDate,
  normalizeDateTime,
  normalizeEmail,
  normalizePhone,
  normalizeTimeZone,
  normalizeWebsite,
  requireItems,
  uniqueItems,
} from '../../../lib/inputs/normalise';

/** Runs `run` and returns the message of the error it throws (undefined if it does not throw). */
const messageOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    const { message } = JSON.parse((error as Error).message) as { message: string };
    return message;
  }
  return undefined;
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

const blanks = fc.constantFrom(undefined, null, '', ' ', '\t\n', [], ['', '  '], [null]);

// --- phones ------------------------------------------------------------------------------

/** Valid numbers of every country: the country's example number with its last digits varied. */
const validPhones = fc
  .record({
    country: fc.constantFrom(...getCountries()),
    tail: fc.integer({ min: 0, max: 99 }),
  })
  .map(({ country, tail }) => {
    const example = getExampleNumber(country, examples)!;
    const varied = `${example.number.slice(0, -2)}${pad(tail)}`;
    const phone = parsePhoneNumberFromString(varied);
    return { country, phone: phone?.isValid() ? phone : example };
  });

describe('normalizePhone', () => {
  it('returns any valid E.164 number unchanged', () => {
    fc.assert(
      fc.property(validPhones, ({ phone }) => {
        expect(normalizePhone('Phone', phone.number)).toBe(phone.number);
      }),
    );
  });

  it('reads international formatting and surrounding spaces as the same E.164 number', () => {
    fc.assert(
      fc.property(validPhones, fc.constantFrom('', ' ', '  '), ({ phone }, space) => {
        expect(normalizePhone('Phone', `${space}${phone.formatInternational()}${space}`)).toBe(
          phone.number,
        );
      }),
    );
  });

  it('reads a national number with its default country as the same E.164 number', () => {
    fc.assert(
      fc.property(validPhones, ({ country, phone }) => {
        // Numbers shared by several countries (e.g. +1) are read in the number's own country.
        const home = (phone.country ?? country) as CountryCode;
        expect(normalizePhone('Phone', phone.formatNational(), home)).toBe(phone.number);
      }),
    );
  });

  it('refuses anything without enough digits, naming the field', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !isBlank(text) && (text.match(/\d/g) ?? []).length < 3),
        fc.constantFrom<CountryCode | undefined>(undefined, 'US', 'GB'),
        (text, country) => {
          expect(messageOf(() => normalizePhone('Work Phone', text, country))).toMatch(
            /^Invalid Work Phone: .* is not a valid phone number/,
          );
        },
      ),
    );
  });

  it('leaves blanks out', () => {
    fc.assert(
      fc.property(blanks, (blank) => expect(normalizePhone('Phone', blank)).toBeUndefined()),
    );
  });
});

// --- emails ------------------------------------------------------------------------------

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const emails = fc
  .record({
    local: fc.stringMatching(/^[A-Za-z0-9_+-]{1,12}(?:\.[A-Za-z0-9_+-]{1,8})?$/),
    domain: fc.array(label, { minLength: 1, maxLength: 3 }),
    tld: fc.stringMatching(/^[a-z]{2,6}$/),
  })
  .map(({ local, domain, tld }) => `${local}@${[...domain, tld].join('.')}`);

describe('normalizeEmail', () => {
  it('accepts ordinary addresses, trimmed and otherwise unchanged', () => {
    fc.assert(
      fc.property(emails, fc.constantFrom('', ' ', '\t'), (email, space) => {
        expect(normalizeEmail('Email', `${space}${email}${space}`)).toBe(email);
      }),
    );
  });

  it('refuses any text without exactly one @ between a name and a domain, naming the field', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !isBlank(text) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)),
        (text) => {
          expect(messageOf(() => normalizeEmail('Email', text))).toMatch(
            /^Invalid Email: .* is not an email address/,
          );
        },
      ),
    );
  });

  it('leaves blanks out', () => {
    fc.assert(
      fc.property(blanks, (blank) => expect(normalizeEmail('Email', blank)).toBeUndefined()),
    );
  });
});

// --- dates -------------------------------------------------------------------------------

const days = fc
  .date({
    min: new Date('1000-01-01T00:00:00Z'),
    max: new Date('9999-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => ({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  }));

describe('normalizeDate', () => {
  it('reads every format HighLevel documents as the same YYYY-MM-DD', () => {
    fc.assert(
      fc.property(days, fc.constantFrom('-', '/', '.', '_'), ({ year, month, day }, sep) => {
        const iso = `${year}-${pad(month)}-${pad(day)}`;
        expect(normalizeDate('Date of Birth', `${year}${sep}${pad(month)}${sep}${pad(day)}`)).toBe(
          iso,
        );
        expect(normalizeDate('Date of Birth', `${pad(month)}${sep}${pad(day)}${sep}${year}`)).toBe(
          iso,
        );
        expect(normalizeDate('Date of Birth', `${month}${sep}${day}${sep}${year}`)).toBe(iso);
      }),
    );
  });

  it('keeps the calendar day of a date-time, whatever its offset', () => {
    fc.assert(
      fc.property(
        days,
        fc.constantFrom('Z', '+14:00', '-12:00', '+05:30'),
        ({ year, month, day }, offset) => {
          const iso = `${year}-${pad(month)}-${pad(day)}`;
          expect(normalizeDate('Date', `${iso}T23:59:59.999${offset}`)).toBe(iso);
        },
      ),
    );
  });

  it('reads the written forms Due Date reads, keeping the day as written', () => {
    expect(normalizeDate('Date of Birth', '23 Apr 1990')).toBe('1990-04-23');
    expect(normalizeDate('Date of Birth', 'April 23, 1990 at 11:30 pm')).toBe('1990-04-23');
    expect(normalizeDate('Date of Birth', '04/23/1990 23:30 -05:00')).toBe('1990-04-23');
    expect(messageOf(() => normalizeDate('Date of Birth', '31 Feb 1990'))).toMatch(
      /^Invalid Date of Birth: "31 Feb 1990" is not a date that exists/,
    );
  });

  it('refuses days that do not exist, naming the field', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 99 }),
        (year, month, day) => {
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          fc.pre(day > last);
          expect(
            messageOf(() => normalizeDate('Date of Birth', `${year}-${pad(month)}-${pad(day)}`)),
          ).toMatch(/^Invalid Date of Birth: .* is not a date/);
        },
      ),
    );
  });

  it('refuses any string that is not a date, naming the field', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !isBlank(text) && !/\d{4}/.test(text)),
        (text) => {
          expect(messageOf(() => normalizeDate('Renewal Date', text))).toMatch(
            /^Invalid Renewal Date: .* is not a date/,
          );
        },
      ),
    );
  });
});

describe('normalizeDateTime', () => {
  const instants = fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2999-12-31T23:59:59Z'),
    noInvalidDate: true,
  });

  it('returns any ISO 8601 instant unchanged, and reads epoch milliseconds and seconds', () => {
    fc.assert(
      fc.property(instants, (date) => {
        const iso = date.toISOString();
        expect(normalizeDateTime('Due Date', iso)).toBe(iso);
        fc.pre(date.getTime() >= 1e12 && date.getTime() < 1e13);
        expect(normalizeDateTime('Due Date', String(date.getTime()))).toBe(iso);
        const seconds = Math.floor(date.getTime() / 1000);
        expect(normalizeDateTime('Due Date', String(seconds))).toBe(
          new Date(seconds * 1000).toISOString(),
        );
      }),
    );
  });

  it('reads the same instant written with any offset', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: -12, max: 14 }), (date, hours) => {
        const shifted = new Date(date.getTime() + hours * 3600_000).toISOString().slice(0, 19);
        const offset = `${hours < 0 ? '-' : '+'}${pad(Math.abs(hours))}:00`;
        expect(normalizeDateTime('Due Date', `${shifted}${offset}`)).toBe(
          new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString(),
        );
      }),
    );
  });

  it('always answers ISO 8601 in UTC, or refuses naming the field', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!isBlank(text));
        const message = messageOf(() => normalizeDateTime('Due Date', text));
        if (message !== undefined) {
          expect(message).toMatch(/^Invalid Due Date: .* is not a date and time/);
        } else {
          expect(normalizeDateTime('Due Date', text)).toMatch(
            /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
          );
        }
      }),
    );
  });

  const MONTH_NAMES = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];

  it('reads a written date ("8 Jul 2026", "Jul 8, 2026 14:30", "07/08/2026") in UTC, a date alone at 09:00', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 23 }), ({ year, month, day }, hour) => {
        const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
        const name = MONTH_NAMES[month - 1];
        expect(normalizeDateTime('Due Date', `${day} ${name} ${year}`)).toBe(
          `${iso}T09:00:00.000Z`,
        );
        expect(normalizeDateTime('Due Date', `${name} ${day}, ${year} ${pad(hour)}:30`)).toBe(
          `${iso}T${pad(hour)}:30:00.000Z`,
        );
        expect(normalizeDateTime('Due Date', `${pad(month)}/${pad(day)}/${year}`)).toBe(
          `${iso}T09:00:00.000Z`,
        );
        expect(normalizeDateTime('Due Date', iso)).toBe(`${iso}T09:00:00.000Z`);
      }),
    );
  });

  it.each([
    // Daylight saving time in New York: UTC-4 in July, UTC-5 in January.
    ['07/08/2026 14:30', 'America/New_York', '2026-07-08T18:30:00.000Z'],
    ['01/08/2026 14:30', 'America/New_York', '2026-01-08T19:30:00.000Z'],
    ['12/25/2026 14:30', 'America/New_York', '2026-12-25T19:30:00.000Z'],
    ['2026-07-08T14:30:00', 'America/New_York', '2026-07-08T18:30:00.000Z'],
    ['Jan 8, 2026 at 2:30 pm', 'America/New_York', '2026-01-08T19:30:00.000Z'],
    // A date alone is 09:00 in the Zap's time zone, as Zapier's own date-time fields read it.
    ['2026-07-08', 'America/New_York', '2026-07-08T13:00:00.000Z'],
    ['8 Jan 2026', 'America/New_York', '2026-01-08T14:00:00.000Z'],
    ['12/25/2026', 'Asia/Kolkata', '2026-12-25T03:30:00.000Z'],
    // The day before and after a change: 2026-03-08 02:00 and 2026-11-01 02:00 in New York.
    ['03/07/2026 23:00', 'America/New_York', '2026-03-08T04:00:00.000Z'],
    ['03/08/2026 03:00', 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['10/31/2026 23:00', 'America/New_York', '2026-11-01T03:00:00.000Z'],
    ['11/01/2026 03:00', 'America/New_York', '2026-11-01T08:00:00.000Z'],
    // An offset given in the text wins over the Zap's time zone.
    ['2026-07-08T14:30:00Z', 'America/New_York', '2026-07-08T14:30:00.000Z'],
    ['12/25/2026 14:30 +01:00', 'America/New_York', '2026-12-25T13:30:00.000Z'],
    ['1783521000', 'America/New_York', '2026-07-08T14:30:00.000Z'],
    // No time zone, or one the runtime does not know: UTC, without failing.
    ['12/25/2026 14:30', null, '2026-12-25T14:30:00.000Z'],
    ['12/25/2026 14:30', undefined, '2026-12-25T14:30:00.000Z'],
    ['12/25/2026 14:30', 'Mars/Olympus_Mons', '2026-12-25T14:30:00.000Z'],
    ['12/25/2026', 'Not a zone', '2026-12-25T09:00:00.000Z'],
  ])('reads "%s" without an offset in the time zone %s: %s', (text, zone, expected) => {
    expect(normalizeDateTime('Due Date', text, zone)).toBe(expected);
  });

  it('reads a date and time without an offset as that wall-clock time in any time zone', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(...zones),
        (date, hour, timeZone) => {
          const [year, month, day] = [
            date.getUTCFullYear(),
            date.getUTCMonth() + 1,
            date.getUTCDate(),
          ];
          const sent = normalizeDateTime(
            'Due Date',
            `${pad(month)}/${pad(day)}/${year} ${pad(hour)}:15`,
            timeZone,
          );
          const clock = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
          });
          const at = (hours: number) =>
            `${pad(month)}/${pad(day)}/${pad(year, 4)}, ${pad(hours)}:15`;
          const wallClock = clock.format(new Date(sent!));
          if (wallClock !== at(hour)) {
            // Only a time skipped when the clocks went forward an hour is read otherwise: an hour
            // on, with the clock an hour earlier showing the hour before the one typed.
            expect(wallClock).toBe(at(hour + 1));
            expect(clock.format(new Date(Date.parse(sent!) - 3600_000))).toBe(at(hour - 1));
          }
        },
      ),
    );
  });

  it.each([
    ['Fri, 25 Dec 2026 10:00:00 +0000', '2026-12-25T10:00:00.000Z'],
    ['Fri, 25 Dec 2026 10:00:00 GMT', '2026-12-25T10:00:00.000Z'],
    ['Fri, 25 Dec 2026 05:00:00 -0500', '2026-12-25T10:00:00.000Z'],
    ['Friday, December 25, 2026 10:00 UTC', '2026-12-25T10:00:00.000Z'],
    ['Thu, 08 Jan 2026 14:30:00 UT', '2026-01-08T14:30:00.000Z'],
  ])('reads the email and HTTP date "%s" as %s, whatever the Zap\'s time zone', (text, iso) => {
    expect(normalizeDateTime('Due Date', text, 'America/New_York')).toBe(iso);
  });

  it.each([
    'Mon, 25 Dec 2026 10:00:00 +0000', // 25 Dec 2026 is a Friday
    'Thu, 25 Dec 2026 10:00:00 GMT',
    'Fri, 31 Feb 2026 10:00:00 GMT',
    'Fri, 25 Dec 2026 25:00:00 GMT',
    'Fri, 25 Dec 2026 10:00:00 GMT maybe',
    'Sent Fri, 25 Dec 2026 10:00:00 GMT',
    'Fri 25 Dec 2026 10:00:00 +0000, 26 Dec',
  ])('refuses "%s": a wrong weekday, a day or time that does not exist, or other words', (text) => {
    expect(messageOf(() => normalizeDateTime('Due Date', text, 'America/New_York'))).toMatch(
      /^Invalid Due Date: .* is not a date and time that exists/,
    );
  });

  it("reads a weekday only when it is the date's own", () => {
    const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    fc.assert(
      fc.property(days, fc.integer({ min: 0, max: 6 }), ({ year, month, day }, weekday) => {
        const text = `${weekdays[weekday]}, ${pad(day)} ${MONTH_NAMES[month - 1]} ${year} 10:00:00 GMT`;
        const own = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
        const message = messageOf(() => normalizeDateTime('Due Date', text));
        if (weekday === own) expect(message).toBeUndefined();
        else expect(message).toMatch(/^Invalid Due Date/);
      }),
    );
  });

  it('refuses a day that does not exist, in every written form, instead of moving it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 29, max: 31 }),
        (year, month, day) => {
          fc.pre(new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day);
          for (const text of [
            `${day} ${MONTH_NAMES[month - 1]} ${year}`,
            `${MONTH_NAMES[month - 1]} ${day}, ${year}`,
            `${pad(month)}/${day}/${year}`,
            `${year}-${pad(month)}-${day}T10:00:00Z`,
          ]) {
            expect(messageOf(() => normalizeDateTime('Due Date', text))).toMatch(
              /^Invalid Due Date: .* is not a date and time that exists/,
            );
          }
        },
      ),
    );
  });

  it('refuses a date inside other words ("I may come 12/25/2026 maybe")', () => {
    fc.assert(
      fc.property(
        days,
        fc.constantFrom('I may come', 'on', 'due'),
        ({ year, month, day }, words) => {
          const text = `${words} ${pad(month)}/${pad(day)}/${year} maybe`;
          expect(messageOf(() => normalizeDateTime('Due Date', text))).toMatch(/^Invalid Due Date/);
        },
      ),
    );
  });

  it('refuses text without a four-digit year (JavaScript would read "1" as 2001)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !isBlank(text) && !/\d{4}/.test(text)),
        (text) => {
          expect(messageOf(() => normalizeDateTime('Due Date', text))).toMatch(/^Invalid Due Date/);
        },
      ),
    );
  });
});

// --- lists -------------------------------------------------------------------------------

const listInputs = fc.oneof(
  fc.array(fc.oneof(fc.string(), fc.constant(null), fc.constant(undefined), fc.integer())),
  fc.string(),
  blanks,
);

describe('idList', () => {
  it('never returns blanks, duplicates, commas or untrimmed items', () => {
    fc.assert(
      fc.property(listInputs, (value) => {
        const list = idList('Contacts', value);
        expect(new Set(list).size).toBe(list.length);
        for (const item of list) {
          expect(item).not.toContain(',');
          expect(item).toBe(item.trim());
          expect(item).not.toBe('');
        }
      }),
    );
  });

  it('keeps every comma-separated id, in order of first appearance, and is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (items) => {
        const list = idList('Contacts', items);
        const parts = items
          .flatMap((item) => item.split(','))
          .map((part) => part.trim())
          .filter(Boolean);
        expect(list).toEqual([...new Set(parts)]);
        expect(idList('Contacts', list)).toEqual(list);
        expect(idList('Contacts', list.join(','))).toEqual(list);
      }),
    );
  });

  it('requireItems refuses an empty list, naming the field', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[\s,]*$/)), (items) => {
        expect(messageOf(() => requireItems('Followers', idList('Followers', items)))).toBe(
          'Invalid Followers: at least one value is required.',
        );
      }),
    );
  });
});

describe('uniqueItems', () => {
  it('keeps each item whole, commas included, each once, in order of first appearance', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (items) => {
        const whole = items.map((item) => item.trim()).filter(Boolean);
        expect(uniqueItems('Tags', items)).toEqual([...new Set(whole)]);
      }),
    );
  });

  it('refuses an object as an item instead of writing "[object Object]"', () => {
    expect(messageOf(() => uniqueItems('Tags', ['vip', { name: 'x' }]))).toMatch(
      /^Invalid Tags: expected text, but got an object/,
    );
  });
});

// --- booleans, countries, time zones, compact ------------------------------------------

const casings = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((char, i) => (upper[i] ? char.toUpperCase() : char)).join(''));

describe('listItems', () => {
  it('keeps every non-blank item whole (commas and repeats included), trimmed, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (items) => {
        expect(listItems('Options', items)).toEqual(
          items.filter((item) => item.trim() !== '').map((item) => item.trim()),
        );
      }),
    );
  });

  it('reads a lone value as a one-item list, and a blank as none', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(listItems('Options', text)).toEqual(text.trim() ? [text.trim()] : []);
      }),
    );
  });
});

// --- websites ----------------------------------------------------------------------------

const domains = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/))
  .map(([labels, tld]) => [...labels, tld].join('.'));
const paths = fc.constantFrom('', '/', '/about', '/a/b?x=1&y=2', '#top', ':8080/shop');

describe('normalizeWebsite', () => {
  it('keeps any http(s) address as typed, and puts https:// before a bare domain', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http://', 'https://', 'HTTPS://', ''),
        domains,
        paths,
        (scheme, domain, path) => {
          const typed = `${scheme}${domain}${path}`;
          expect(normalizeWebsite('Website', ` ${typed} `)).toBe(
            scheme ? typed : `https://${typed}`,
          );
        },
      ),
    );
  });

  it('refuses other schemes, hosts without a top-level domain, and text with spaces', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom('ftp', 'mailto', 'javascript', 'file').map((s) => `${s}:example.com`),
          label.filter((host) => !host.includes('.')).map((host) => `https://${host}`),
          domains.map((domain) => `${domain} and more`),
        ),
        (text) => {
          expect(messageOf(() => normalizeWebsite('Website', text))).toMatch(
            /^Invalid Website: ".*" is not a web address/,
          );
        },
      ),
    );
  });

  it('leaves blanks out', () => {
    fc.assert(
      fc.property(blanks, (value) => expect(normalizeWebsite('Website', value)).toBeUndefined()),
    );
  });
});

describe('normalizeBoolean', () => {
  it('reads yes/no words in any case and with spaces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['true', true],
          ['yes', true],
          ['on', true],
          ['1', true],
          ['false', false],
          ['no', false],
          ['off', false],
          ['0', false],
        ),
        fc.constantFrom('', ' '),
        ([word, expected], space) =>
          fc.assert(
            fc.property(casings(word as string), (cased) => {
              expect(normalizeBoolean('Do Not Disturb', `${space}${cased}${space}`)).toBe(expected);
            }),
            { numRuns: 5 },
          ),
      ),
    );
    expect(normalizeBoolean('Do Not Disturb', true)).toBe(true);
    expect(normalizeBoolean('Do Not Disturb', false)).toBe(false);
  });

  it('refuses anything else, naming the field, and leaves blanks out', () => {
    const known = ['true', 'yes', 'on', '1', 'false', 'no', 'off', '0'];
    fc.assert(
      fc.property(
        fc.string().filter((text) => !isBlank(text) && !known.includes(text.trim().toLowerCase())),
        (text) => {
          expect(messageOf(() => normalizeBoolean('Do Not Disturb', text))).toMatch(
            /^Invalid Do Not Disturb: .* is not yes\/no/,
          );
        },
      ),
    );
    fc.assert(
      fc.property(blanks, (blank) => expect(normalizeBoolean('DND', blank)).toBeUndefined()),
    );
  });
});

describe('normalizeCountry', () => {
  it('upper-cases any two letters and refuses anything else, naming the field', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z]{2}$/), (code) => {
        expect(normalizeCountry('Country', ` ${code} `)).toBe(code.toUpperCase());
      }),
    );
    fc.assert(
      fc.property(
        fc.string().filter((text) => !isBlank(text) && !/^[a-zA-Z]{2}$/.test(text.trim())),
        (text) => {
          expect(messageOf(() => normalizeCountry('Country', text))).toMatch(
            /^Invalid Country: .* is not a two-letter country code/,
          );
        },
      ),
    );
  });
});

describe('normalizeTimeZone', () => {
  it('keeps every time zone the runtime knows, as typed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Intl.supportedValuesOf('timeZone')), (zone) => {
        expect(normalizeTimeZone('Time Zone', zone)).toBe(zone);
      }),
    );
  });

  it('refuses random text, naming the field', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,3}\/[a-z]{12,20}$/), (text) => {
        expect(messageOf(() => normalizeTimeZone('Time Zone', text))).toMatch(
          /^Invalid Time Zone: .* is not a time zone/,
        );
      }),
    );
  });
});

describe('compact', () => {
  it('drops exactly the undefined values', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.constant(undefined), fc.jsonValue())),
        (object) => {
          const result = compact(object);
          expect(Object.values(result)).not.toContain(undefined);
          for (const [key, value] of Object.entries(object)) {
            if (value !== undefined) expect(result[key]).toEqual(value);
          }
        },
      ),
    );
  });
});
