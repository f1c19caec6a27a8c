// HighLevel's two rate limits, as Zapier throttling: a burst of 100 requests per 10 seconds and
// 200,000 requests a day, per app and sub-account, reported in X-RateLimit-* headers. A 429 waits
// for the limit it hit: seconds for the burst window, until the next day for the daily quota.
import { errors } from 'zapier-platform-core';

type Headers = { get(name: string): string | null };

/** HighLevel's rate window, used when a 429 carries no hint of its own. */
const DEFAULT_THROTTLE_SECONDS = 10;

/** `Retry-After` in seconds, from either of its forms: a number of seconds or an HTTP date. */
const retryAfterSeconds = (headers: Headers, now: number): number | undefined => {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
};

const headerNumber = (headers: Headers, name: string): number | undefined => {
  const value = Number.parseInt(headers.get(name) ?? '', 10);
  return Number.isFinite(value) ? value : undefined;
};

/**
 * HighLevel names no reset time for its daily limit (only X-RateLimit-Limit-Daily and
 * X-RateLimit-Daily-Remaining): without a Retry-After, the step waits for the next day to begin
 * in UTC, at least a minute. Retrying every 10 s into a spent day's quota only fails again.
 */
const secondsUntilNextUtcDay = (now: number): number => {
  const next = new Date(now);
  next.setUTCHours(24, 0, 0, 0);
  return Math.max(60, Math.ceil((next.getTime() - now) / 1000));
};

/** The Zapier throttling for a 429: which limit HighLevel applied, and how long to wait. */
export const throttled = (headers: Headers, now = Date.now()): Error => {
  const retryAfter = retryAfterSeconds(headers, now);
  if (headerNumber(headers, 'x-ratelimit-daily-remaining') === 0) {
    const limit = headerNumber(headers, 'x-ratelimit-limit-daily');
    const delay = retryAfter ?? secondsUntilNextUtcDay(now);
    const at = new Date(now + delay * 1000).toISOString().slice(0, 16).replace('T', ' ');
    return new errors.ThrottledError(
      `HighLevel's daily request limit for this sub-account${limit ? ` (${limit.toLocaleString('en-US')} requests a day)` : ''} is used up. Zapier will retry this step after ${at} UTC.`,
      delay,
    );
  }
  const intervalMs = headerNumber(headers, 'x-ratelimit-interval-milliseconds');
  const delay =
    retryAfter ??
    (intervalMs && intervalMs > 0 ? Math.ceil(intervalMs / 1000) : DEFAULT_THROTTLE_SECONDS);
  return new errors.ThrottledError(
    "HighLevel's rate limit for this sub-account (100 requests per 10 seconds) was reached. Zapier will retry this step shortly.",
    delay,
  );
};
