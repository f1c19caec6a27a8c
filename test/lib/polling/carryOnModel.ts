// An in-memory contact list searched like HighLevel's POST /contacts/search (newest first by one
// date, ties by id, `searchAfter` = [date, id]) and Zapier's per-Zap dedupe, for the carry-on tests.
import type { ReadPage, Row } from '../../../lib/polling/carryOn';

export type Listed = { id: string; time: number };

const newestFirst = (a: Listed, b: Listed) =>
  b.time - a.time || (a.id === b.id ? 0 : a.id < b.id ? -1 : 1);

/** The list; `reader(pages)` reads it like one poll that can afford `pages` requests. */
export const contactList = () => {
  const byId = new Map<string, number>();
  let serial = 0;
  let sorted: Listed[] | undefined;
  const ordered = () =>
    (sorted ??= [...byId.entries()].map(([id, time]) => ({ id, time })).sort(newestFirst));
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
    /** A reader that answers `pages` requests, then says the budget is spent; `onPage` sees each. */
    reader(pages: number, onPage?: (page: number) => void): ReadPage {
      let sent = 0;
      return async (limit, after) => {
        if (sent >= pages) return undefined;
        sent += 1;
        onPage?.(sent);
        const rows = ordered();
        const start = after
          ? rows.findIndex(
              (row) => newestFirst(row, { time: after[0] as number, id: after[1] as string }) > 0,
            )
          : 0;
        const from = start < 0 ? rows.length : start;
        return rows
          .slice(from, from + limit)
          .map((row): Row => ({ ...row, searchAfter: [row.time, row.id] }));
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
