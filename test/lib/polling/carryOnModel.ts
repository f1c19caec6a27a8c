// An in-memory contact list searched like HighLevel's POST /contacts/search (newest first by one
// date, ties by id, `searchAfter` = [date, id]), Zapier's per-Zap dedupe and z.cursor, and the
// z.request answer of a search over the list, for the carry-on tests.
import type { ReadPage, Row } from '../../../lib/polling/carryOn';

export type Listed = { id: string; time: number };

/** HighLevel's order: newest first, ties by id. */
export const newestFirst = (a: Listed, b: Listed) =>
  b.time - a.time || (a.id === b.id ? 0 : a.id < b.id ? -1 : 1);

/** The list; `reader(pages)` reads it like one poll that can afford `pages` requests. */
export const contactList = () => {
  const byId = new Map<string, number>();
  let serial = 0;
  let sorted: Listed[] | undefined;
  const ordered = () =>
    (sorted ??= [...byId.entries()].map(([id, time]) => ({ id, time })).sort(newestFirst));
  /** Up to `limit` contacts after the cursor `after` ([date, id]), newest first. */
  const page = (limit: number, after?: unknown[]): Listed[] => {
    const rows = ordered();
    const start = after
      ? rows.findIndex(
          (row) => newestFirst(row, { time: after[0] as number, id: after[1] as string }) > 0,
        )
      : 0;
    const from = start < 0 ? rows.length : start;
    return rows.slice(from, from + limit);
  };
  return {
    /** `count` contacts dated `time` (a burst shares one date, as an import can). */
    add(count: number, time: number): string[] {
      return Array.from({ length: count }, () => {
        serial += 1;
        const id = `c${String(serial).padStart(7, '0')}`;
        byId.set(id, time);
        sorted = undefined;
        return id;
      });
    },
    /** Moves `id` to `time` (Updated Contact's date). */
    touch(id: string, time: number) {
      byId.set(id, time);
      sorted = undefined;
    },
    timeOf: (id: string) => byId.get(id)!,
    size: () => byId.size,
    ids: () => [...byId.keys()],
    page,
    /** A reader that answers `pages` requests, then says the budget is spent; `onPage` sees each. */
    reader(pages: number, onPage?: (page: number) => void): ReadPage {
      let sent = 0;
      return async (limit, after) => {
        if (sent >= pages) return undefined;
        sent += 1;
        onPage?.(sent);
        return page(limit, after).map((row): Row => ({ ...row, searchAfter: [row.time, row.id] }));
      };
    },
  };
};

/** Zapier's dedupe for one Zap: the ids a poll returns that no earlier poll of the Zap returned. */
export const dedupe = () => {
  const seen = new Set<string>();
  return {
    fire: (ids: string[]) => ids.filter((id) => !seen.has(id) && Boolean(seen.add(id))),
    clear: () => seen.clear(),
  };
};

/** The fake time a poll sees (Date.now), moved by the test and by each page's answer. */
export type Clock = { now: number };

/** How long z.cursor keeps a value after its last write (Zapier: about an hour). */
const CURSOR_KEPT_MS = 60 * 60_000;

/** One Zap's z.cursor: a value kept CURSOR_KEPT_MS after its last write; `loaded` is the last get. */
export const cursorStore = (clock: Clock) => {
  let value: string | undefined;
  let writtenAt = 0;
  const current = () =>
    value !== undefined && clock.now - writtenAt <= CURSOR_KEPT_MS ? value : undefined;
  const store = {
    loaded: undefined as string | undefined,
    writes: 0,
    get: async () => {
      store.loaded = current();
      return store.loaded ?? null;
    },
    set: async (text: string) => {
      value = text;
      writtenAt = clock.now;
      store.writes += 1;
    },
    current,
    lose: () => (value = undefined),
  };
  return store;
};

/** HighLevel's POST /contacts/search over `list` for one poll, each page taking `pageMs`. */
export const searchOver = (
  list: ReturnType<typeof contactList>,
  clock: Clock,
  pageMs: number,
  failAtPage?: number,
) => {
  let pages = 0;
  return async ({ body }: { body: { pageLimit: number; searchAfter?: unknown[] } }) => {
    pages += 1;
    clock.now += pageMs;
    if (pages === failAtPage) throw new Error('HighLevel answered 503');
    const contacts = list.page(body.pageLimit, body.searchAfter).map(({ id, time }) => ({
      id,
      dateUpdated: new Date(time).toISOString(),
      searchAfter: [time, id],
    }));
    return { status: 200, content: '', data: { contacts } };
  };
};
