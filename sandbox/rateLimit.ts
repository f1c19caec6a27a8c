// HighLevel's limits: a burst of `max` requests per `windowMs` and 200,000 a day, per location,
// reported in X-RateLimit-* headers on every API response. No Retry-After: HighLevel documents none.
//
// The burst limit is a sliding window ("100 requests per 10 seconds" holds for every 10 s span):
// fixed windows would let 200 requests through within a few milliseconds across a boundary, and
// an app that passes against those could still be throttled by HighLevel. A refused request does
// not use up the budget, so a client that backs off gets through as soon as the oldest request
// in the window is `windowMs` old.
import { tooManyRequests } from './http/errors';

export interface RateLimitConfig {
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { max: 100, windowMs: 10_000 };
export const DAILY_LIMIT = 200_000;
const DAY_MS = 86_400_000;

interface Day {
  startedAt: number;
  count: number;
}

export class RateLimiter {
  /** Per key: when each request let through in the current window arrived, oldest first. */
  private readonly recent = new Map<string, number[]>();
  private readonly daily = new Map<string, Day>();

  constructor(private config: RateLimitConfig | false = DEFAULT_RATE_LIMIT) {}

  setConfig(config: RateLimitConfig | false): void {
    this.config = config;
    this.recent.clear();
  }

  /**
   * Counts one request for `key` (the location, or the company for agency tokens). Returns the
   * headers to send; throws the 429 (carrying the same headers) when `max` requests already
   * arrived within the last `windowMs`, or the day's budget is spent.
   * With limiting switched off nothing is counted and no headers are sent.
   */
  take(key: string, now = Date.now()): Record<string, string> {
    if (!this.config) return {};
    const { max, windowMs } = this.config;
    const recent = this.inWindow(key, now - windowMs);
    const day = this.today(key, now);
    const refused = recent.length >= max || day.count >= DAILY_LIMIT;
    if (!refused) {
      recent.push(now);
      day.count += 1;
    }
    const headers = {
      'X-RateLimit-Limit-Daily': String(DAILY_LIMIT),
      'X-RateLimit-Daily-Remaining': String(Math.max(0, DAILY_LIMIT - day.count)),
      'X-RateLimit-Interval-Milliseconds': String(windowMs),
      'X-RateLimit-Max': String(max),
      'X-RateLimit-Remaining': String(Math.max(0, max - recent.length)),
    };
    if (refused) {
      const error = tooManyRequests();
      Object.assign(error.headers, headers);
      throw error;
    }
    return headers;
  }

  /** The key's requests that arrived after `since`; older ones leave the window for good. */
  private inWindow(key: string, since: number): number[] {
    let recent = this.recent.get(key);
    if (!recent) this.recent.set(key, (recent = []));
    const expired = recent.findIndex((at) => at > since);
    recent.splice(0, expired < 0 ? recent.length : expired);
    return recent;
  }

  /** The daily budget: a fixed day that opens with the first request after the previous one. */
  private today(key: string, now: number): Day {
    let day = this.daily.get(key);
    if (!day || now - day.startedAt >= DAY_MS) {
      day = { startedAt: now, count: 0 };
      this.daily.set(key, day);
    }
    return day;
  }
}
