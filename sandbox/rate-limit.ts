// HighLevel's limits: a burst of `max` requests per `windowMs` and 200,000 a day, per location,
// reported in X-RateLimit-* headers on every API response. No Retry-After: HighLevel documents none.
import { tooManyRequests } from './http/errors';

export interface RateLimitConfig {
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { max: 100, windowMs: 10_000 };
export const DAILY_LIMIT = 200_000;
const DAY_MS = 86_400_000;

interface Window {
  startedAt: number;
  count: number;
}

export class RateLimiter {
  private readonly burst = new Map<string, Window>();
  private readonly daily = new Map<string, Window>();

  constructor(private config: RateLimitConfig | false = DEFAULT_RATE_LIMIT) {}

  setConfig(config: RateLimitConfig | false): void {
    this.config = config;
    this.burst.clear();
  }

  /**
   * Counts one request for `key` (the location, or the company for agency tokens). Returns the
   * headers to send; throws the 429 (carrying the same headers) once the window is used up.
   * With limiting switched off nothing is counted and no headers are sent.
   */
  take(key: string, now = Date.now()): Record<string, string> {
    if (!this.config) return {};
    const burst = this.advance(this.burst, key, this.config.windowMs, now);
    const daily = this.advance(this.daily, key, DAY_MS, now);
    const headers = {
      'X-RateLimit-Limit-Daily': String(DAILY_LIMIT),
      'X-RateLimit-Daily-Remaining': String(Math.max(0, DAILY_LIMIT - daily.count)),
      'X-RateLimit-Interval-Milliseconds': String(this.config.windowMs),
      'X-RateLimit-Max': String(this.config.max),
      'X-RateLimit-Remaining': String(Math.max(0, this.config.max - burst.count)),
    };
    if (burst.count > this.config.max || daily.count > DAILY_LIMIT) {
      const error = tooManyRequests();
      Object.assign(error.headers, headers);
      throw error;
    }
    return headers;
  }

  /** A fixed window that opens with the first request after the previous one closed. */
  private advance(windows: Map<string, Window>, key: string, length: number, now: number): Window {
    let window = windows.get(key);
    if (!window || now - window.startedAt >= length) {
      window = { startedAt: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    return window;
  }
}
