// The arithmetic behind the request targets and the rate-limit estimates, kept free of I/O so the
// unit tests can pin it down.
import { BURST_PAGE_SIZE } from '../lib/polling/budget';

export interface RateLimit {
  max: number;
  windowMs: number;
}

/** A burst of `size` changes may cost one first page plus one request per burst page. */
export const maxSearchesFor = (size: number): number => Math.ceil(size / BURST_PAGE_SIZE) + 1;

/** The delay (seconds) of a ThrottledError, whose message is JSON { message, delay }. */
export const throttleDelayOf = (error: unknown): number | undefined => {
  if (!(error instanceof Error) || error.name !== 'ThrottledError') return undefined;
  try {
    const delay = (JSON.parse(error.message) as { delay?: unknown }).delay;
    return typeof delay === 'number' && delay > 0 ? delay : undefined;
  } catch {
    return undefined;
  }
};

/** Waits one-by-one steps need at a limit: each full window ends with one throttled step. */
export const waitsFor = (count: number, limit: RateLimit): number =>
  Math.max(0, Math.ceil(count / limit.max) - 1);

/**
 * One by one at a window much longer than `max` requests take: every window lets `max` requests
 * through, the next is throttled and Zapier waits the whole window before retrying. So `count`
 * steps cost their own time (retries included) plus one window per wait.
 */
export const estimateOneByOneMs = (count: number, msPerRequest: number, limit: RateLimit) => {
  const waits = waitsFor(count, limit);
  return (count + waits) * msPerRequest + waits * limit.windowMs;
};
