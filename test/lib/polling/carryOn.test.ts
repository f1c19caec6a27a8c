// The carry-on logic on its own (pure): what a poll reads, and what it leaves for the next one.
import { carryOn, MAX_GAPS, type ReadPage } from '../../../lib/polling/carryOn';
import { contactList } from './carryOnModel';

const options = (log = jest.fn()) => ({ windowStart: 0, firstPageLimit: 10, pageLimit: 50, log });

describe('carryOn', () => {
  it('ends paging at a full page where no contact has a cursor, says so, and the next poll carries on', async () => {
    const list = contactList();
    list.add(5, 1_000);
    const turnedOn = await carryOn(list.reader(20), undefined, options());
    const burst = list.add(300, 2_000);
    const withoutCursors: ReadPage = async (limit, after) =>
      (await list.reader(20)(limit, after))?.map(({ searchAfter: _cursor, ...row }) => row);

    const log = jest.fn();
    const cut = await carryOn(withoutCursors, turnedOn.memory, options(log));
    const next = await carryOn(list.reader(20), cut.memory, options());

    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/full page whose last contact has no searchAfter cursor/),
    );
    expect(cut.rows).toHaveLength(10);
    expect(new Set([...cut.rows, ...next.rows].map((row) => row.id))).toEqual(new Set(burst));
    expect(next.memory.gaps).toEqual([]);
  });

  it('ends paging at a full page whose last contact alone has no cursor, and the next poll resumes from the contact before it', async () => {
    const list = contactList();
    list.add(5, 1_000);
    const turnedOn = await carryOn(list.reader(20), undefined, options());
    const burst = list.add(300, 2_000);
    let requests = 0;
    const lastWithoutCursor: ReadPage = async (limit, after) => {
      requests += 1;
      const page = await list.reader(20)(limit, after);
      return page?.map((row, i) => (i === page.length - 1 ? { ...row, searchAfter: null } : row));
    };

    const log = jest.fn();
    const cut = await carryOn(lastWithoutCursor, turnedOn.memory, options(log));
    const next = await carryOn(list.reader(20), cut.memory, options());

    expect(requests).toBe(1);
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(/full page whose last contact has no searchAfter cursor/),
    );
    expect(cut.rows).toHaveLength(10);
    // Only the contact without a cursor is read again; everything after it comes next.
    expect(next.rows.map((row) => row.id)).toEqual(burst.slice(9));
    expect(next.memory.gaps).toEqual([]);
  });

  it(`keeps at most ${MAX_GAPS} gaps, dropping the oldest with a log line`, async () => {
    const list = contactList();
    let memory = (await carryOn(list.reader(1), undefined, options())).memory;
    const log = jest.fn();
    // Every poll can afford one page while more than a page arrives each time.
    for (let poll = 0; poll < MAX_GAPS + 2; poll += 1) {
      list.add(60, 10_000 + poll);
      memory = (await carryOn(list.reader(1), memory, options(log))).memory;
    }
    expect(memory.gaps).toHaveLength(MAX_GAPS);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/are no longer read/));
  });
});
