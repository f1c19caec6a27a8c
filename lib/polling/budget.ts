// What one poll may spend, and the page sizes every polling trigger reads with: the one place for
// these numbers. A poll stops at a request cap or a time budget that also bounds each request,
// far below Zapier's 30 s and HighLevel's 100 requests per 10 s; what it could not read is carried
// over to the next poll (lib/polling/carryOn.ts, lib/polling/businessMembers/).
import type { ZObject } from 'zapier-platform-core';
import type * as zod from 'zod';
import { callHighLevel, type HighLevelCall } from '../http/client';
import { MIN_REQUEST_MS, requestTimeoutMs } from '../http/config';

/** Size of a contact poll's first page: the steady state, one request. */
export const FIRST_PAGE_SIZE = 100;
/** Size of the contact pages that follow a full first page (HighLevel's maximum). */
export const BURST_PAGE_SIZE = 500;
/** Members per request of GET /contacts/business/{businessId} (sent as the string "100"). */
export const MEMBER_PAGE_SIZE = 100;
/**
 * Twice Zapier's longest poll interval (15 min). A Zap with no carried progress (its first poll,
 * or its progress lost) reads back this far; contacts older than that are not read again.
 */
export const LOOKBACK_MS = 30 * 60 * 1000;
/** Requests per poll at most: 1 + 19 × 500 = 9,600 contacts when pages answer fast. */
export const MAX_REQUESTS_PER_POLL = 20;
/**
 * All the requests of one poll end within this time, each given at most what is left of it as its
 * timeout: the poll then finishes far below Zapier's 30 s even when HighLevel is slow.
 */
export const TIME_BUDGET_MS = 20_000;

/**
 * Contacts one poll can read when each page takes `pageMs`: the first page, then full pages while
 * the request cap and the time budget allow. The bench prints it; polls for a burst of N are at
 * most ceil(N / capacity) + 1.
 */
export const contactsPerPoll = (pageMs: number): number => {
  const byTime = Math.floor((TIME_BUDGET_MS - MIN_REQUEST_MS) / Math.max(1, pageMs)) + 1;
  const requests = Math.max(1, Math.min(MAX_REQUESTS_PER_POLL, byTime));
  return FIRST_PAGE_SIZE + (requests - 1) * BURST_PAGE_SIZE;
};

const seconds = (ms: number): string => `${Math.round(ms / 1000)} s`;

/**
 * What one poll may still spend. Its first request fails the poll like any step; a later page
 * that the request cap or the time budget cuts off, or that fails, ends the paging instead,
 * logged, so the pages already read still reach Zapier and the rest is carried over.
 */
export type PollBudget = {
  /** The poll's first request: with nothing read yet, its failure is the poll's. */
  first: <S extends zod.ZodType>(call: HighLevelCall, schema: S) => Promise<zod.infer<S>>;
  /** The next page, or undefined when the budget is spent or the page failed (logged). */
  next: <S extends zod.ZodType>(
    call: HighLevelCall,
    schema: S,
  ) => Promise<zod.infer<S> | undefined>;
  /** Logs that paging ended before the end of the list, and why. */
  stoppedEarly: (reason: string) => void;
};

/** The budget of one poll that reads `what` (e.g. "contacts"), starting now. */
export const startPollBudget = (z: ZObject, what: string): PollBudget => {
  const deadline = Date.now() + TIME_BUDGET_MS;
  const timeLeftMs = () => deadline - Date.now();
  let requests = 0;
  const send = <S extends zod.ZodType>(call: HighLevelCall, schema: S) => {
    requests += 1;
    // HighLevel's usual timeout, unless less than that is left of the poll.
    const timeoutMs = Math.max(MIN_REQUEST_MS, Math.min(requestTimeoutMs(), timeLeftMs()));
    return callHighLevel(z, { ...call, timeoutMs }, schema);
  };
  const stoppedEarly = (reason: string) =>
    z.console.log(
      `Stopped paging after ${requests} requests (${reason}); the remaining ${what} were not read in this poll.`,
    );
  const timeIsUp = () => timeLeftMs() < MIN_REQUEST_MS;
  const timeBudget = `the poll's time budget of ${seconds(TIME_BUDGET_MS)}`;
  return {
    first: send,
    next: async (call, schema) => {
      if (requests >= MAX_REQUESTS_PER_POLL) {
        stoppedEarly(`the cap of ${MAX_REQUESTS_PER_POLL} requests per poll`);
        return undefined;
      }
      if (timeIsUp()) {
        stoppedEarly(`${timeBudget} is spent`);
        return undefined;
      }
      try {
        return await send(call, schema);
      } catch (error) {
        // What was read so far still reaches Zapier; the rest is carried over to the next poll.
        const reason = timeIsUp()
          ? `${timeBudget} ran out while a page loaded`
          : `a page failed: ${error instanceof Error ? error.message : String(error)}`;
        stoppedEarly(reason);
        return undefined;
      }
    },
    stoppedEarly,
  };
};
