// What one Zap remembers between its polls, kept in Zapier's cursor store (z.cursor).
//
// Why z.cursor and not z.cache (zapier-platform-core 19: src/tools/create-storekey-tool.js,
// create-cache.js, create-rpc-client.js; the CLI docs on z.cursor and paging):
// - z.cursor is kept per Zap ("stored per-zap", under the storeKey Zapier gives the run) for about
//   an hour after each set, and is readable by the Zap's next poll. Zapier gives a storeKey only to
//   a polling trigger that declares `canPaginate`, so the triggers that use it do.
// - z.cache is shared by key within a scope: the whole integration, one user (['user']) or one
//   connection (['auth']); nothing narrower. Two Zaps on one connection with the same filters would
//   share one value and each move the other's progress past contacts it never returned.
// An editor test (bundle.meta.isLoadingSample) and "load more" (bundle.meta.page > 0) neither read
// nor write it, so they never move a Zap's progress; a quiet poll (nothing new, nothing carried)
// does not write it either. A failure of the store never fails a poll: a value that cannot be
// read is no value (the poll falls back to what it does without one), and a value that cannot be
// written is logged.
import type { Bundle, ZObject } from 'zapier-platform-core';

/** Bump when the stored shape changes: older values are then ignored, never misread. */
const VERSION = 1;

type Stored = { v: number; query: string; state: unknown };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Whether this run may use the Zap's memory: an ordinary poll or the Zap being turned on. */
export const isZapPoll = (bundle: Bundle): boolean =>
  bundle.meta?.isLoadingSample !== true && (bundle.meta?.page ?? 0) === 0;

/**
 * The state this Zap stored for `query` (a text naming what the trigger asks for: a Zap whose
 * filters were edited starts afresh), or undefined (none, another query, unreadable, or failed).
 */
export async function loadZapMemory(z: ZObject, query: string): Promise<unknown> {
  try {
    const text = await z.cursor.get();
    if (!text) return undefined;
    const stored = JSON.parse(text) as Partial<Stored>;
    return stored.v === VERSION && stored.query === query ? stored.state : undefined;
  } catch (error) {
    z.console.log(`The Zap's polling progress could not be read (${errorText(error)}).`);
    return undefined;
  }
}

/** Stores `state` for this Zap's next poll. */
export async function saveZapMemory(z: ZObject, query: string, state: unknown): Promise<void> {
  try {
    const stored: Stored = { v: VERSION, query, state };
    await z.cursor.set(JSON.stringify(stored));
  } catch (error) {
    z.console.log(
      `The Zap's polling progress could not be saved (${errorText(error)}); the next poll starts again from the newest contacts.`,
    );
  }
}
