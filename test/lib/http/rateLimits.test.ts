// Which of HighLevel's limits a 429 hit, and how long Zapier waits before retrying: at a fixed
// moment, so the waits are exact.
import { throttled } from '../../../lib/http/rateLimits';

const headers = (values: Record<string, string>) => ({
  get: (name: string) => values[name.toLowerCase()] ?? null,
});
const delayOf = (error: Error) => (JSON.parse(error.message) as { delay: number }).delay;
const messageOf = (error: Error) => (JSON.parse(error.message) as { message: string }).message;

const EVENING = Date.parse('2026-12-04T18:00:00Z');

describe('a 429', () => {
  it('with the daily quota spent waits for the next UTC day', () => {
    const error = throttled(
      headers({ 'x-ratelimit-daily-remaining': '0', 'x-ratelimit-limit-daily': '200000' }),
      EVENING,
    );
    expect(error.name).toBe('ThrottledError');
    expect(delayOf(error)).toBe(6 * 3600);
    expect(messageOf(error)).toBe(
      "HighLevel's daily request limit for this sub-account (200,000 requests a day) is used up. Zapier will retry this step after 2026-12-05 00:00 UTC.",
    );
  });

  it('with the daily quota spent just before midnight still waits a minute', () => {
    const error = throttled(
      headers({ 'x-ratelimit-daily-remaining': '0' }),
      Date.parse('2026-12-04T23:59:50Z'),
    );
    expect(delayOf(error)).toBe(60);
    expect(messageOf(error)).toMatch(/^HighLevel's daily request limit for this sub-account is/);
  });

  it('with the daily quota spent and a Retry-After date: until that date', () => {
    const error = throttled(
      headers({
        'x-ratelimit-daily-remaining': '0',
        'retry-after': 'Fri, 04 Dec 2026 20:30:00 GMT',
      }),
      EVENING,
    );
    expect(delayOf(error)).toBe(2.5 * 3600);
  });

  it.each([
    [{ 'retry-after': 'Fri, 04 Dec 2026 18:01:30 GMT' }, 90],
    [{ 'retry-after': '7', 'x-ratelimit-interval-milliseconds': '10000' }, 7],
    [{ 'retry-after': 'Fri, 04 Dec 2026 17:00:00 GMT' }, 10],
    [{ 'retry-after': 'soon', 'x-ratelimit-interval-milliseconds': '2500' }, 3],
    [{ 'x-ratelimit-daily-remaining': '12', 'x-ratelimit-remaining': '0' }, 10],
  ])('of the burst window with %j waits %i s', (values, delay) => {
    const error = throttled(headers(values), EVENING);
    expect(delayOf(error)).toBe(delay);
    expect(messageOf(error)).toMatch(/100 requests per 10 seconds/);
  });
});
