import { DROPDOWN_PAGE_SIZE } from '../../lib/inputs/dropdowns';
import contactChoices, { perform } from '../../triggers/contact_choices';
import { bundleWith, highLevel, LOCATION_ID, testerFor } from '../support/app';
import { searchRow } from '../support/contacts';
import { fakeCursor } from '../support/cursor';

const appTester = testerFor('triggers', contactChoices);
const NEWEST_ADDED = [{ field: 'dateAdded', direction: 'desc' }];
const dropdownPage = (page: number) => bundleWith({}, { isFillingDynamicDropdown: true, page });

describe('contact_choices', () => {
  it('is a hidden, paginating trigger', () => {
    expect(contactChoices.display.hidden).toBe(true);
    expect(contactChoices.operation.canPaginate).toBe(true);
  });

  it('starts fresh on page 0 and continues from the last searchAfter on page 1', async () => {
    const cursor = fakeCursor();
    const first = Array.from({ length: DROPDOWN_PAGE_SIZE }, (_, i) => searchRow(500 - i, i));
    const second = [searchRow(10, 500), searchRow(9, 501)];
    highLevel()
      .post(
        '/contacts/search',
        (b) =>
          b.locationId === LOCATION_ID &&
          b.pageLimit === 100 &&
          JSON.stringify(b.sort) === JSON.stringify(NEWEST_ADDED) &&
          b.searchAfter === undefined &&
          b.page === undefined,
      )
      .reply(200, { contacts: first, total: 102 });
    highLevel()
      .post(
        '/contacts/search',
        (b) =>
          b.pageLimit === 100 &&
          JSON.stringify(b.searchAfter) ===
            JSON.stringify(first[DROPDOWN_PAGE_SIZE - 1]!.searchAfter),
      )
      .reply(200, { contacts: second, total: 102 });

    const page0 = await appTester(perform, dropdownPage(0));
    const page1 = await appTester(perform, dropdownPage(1));
    const page2 = await appTester(perform, dropdownPage(2));

    expect(page0.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(page1.map((c) => c.id)).toEqual(second.map((c) => c.id));
    expect(page2).toEqual([]); // page 1 was short: the cursor was cleared, no request
    expect(cursor.calls.map((c) => c.method)).toEqual([
      'set_cursor',
      'get_cursor',
      'set_cursor',
      'get_cursor',
    ]);
    expect(cursor.calls[0]!.params).toEqual([
      JSON.stringify(first[DROPDOWN_PAGE_SIZE - 1]!.searchAfter),
    ]);
    expect(cursor.calls[2]!.params).toEqual(['']);
  });

  it('returns nothing on a later page when no cursor was stored', async () => {
    fakeCursor();
    expect(await appTester(perform, dropdownPage(1))).toEqual([]);
  });

  it('continues from a cursor stored by an earlier page', async () => {
    fakeCursor({ initial: JSON.stringify([1760000000000, 'contact0000000000042']) });
    highLevel()
      .post(
        '/contacts/search',
        (b) => JSON.stringify(b.searchAfter) === '[1760000000000,"contact0000000000042"]',
      )
      .reply(200, { contacts: [searchRow(41, 90)], total: 1 });

    const results = await appTester(perform, dropdownPage(3));
    expect(results.map((c) => c.id)).toEqual([searchRow(41, 90).id]);
  });

  it('ends the list on a cursor it cannot read, without a request', async () => {
    fakeCursor({ initial: 'not json' });
    expect(await appTester(perform, dropdownPage(1))).toEqual([]);
  });

  it('labels each contact by name and email, falling back to what exists', async () => {
    fakeCursor();
    const row = searchRow(1, 1);
    const named = {
      ...row,
      id: 'both',
      contactName: 'Rosan Deo',
      email: 'rosan@deos.com',
    };
    const contacts = [
      named,
      { ...named, id: 'emailOnly', contactName: null },
      { ...named, id: 'nameOnly', email: null },
      { ...named, id: 'phoneOnly', contactName: null, email: null, phone: '+14155550134' },
      { ...named, id: 'nothing', contactName: null, email: null, phone: null },
    ];
    highLevel().post('/contacts/search').reply(200, { contacts, total: 5 });

    const results = await appTester(perform, dropdownPage(0));

    expect(results.map((c) => c.label)).toEqual([
      'Rosan Deo (rosan@deos.com)',
      'rosan@deos.com',
      'Rosan Deo',
      '+14155550134',
      'nothing',
    ]);
    expect(results[0]).toMatchObject({
      id: 'both',
      fullName: 'Rosan Deo',
      email: 'rosan@deos.com',
      address1: row.address,
    });
  });

  it('returns an empty list for a sub-account without contacts', async () => {
    const cursor = fakeCursor();
    highLevel().post('/contacts/search').reply(200, { contacts: [], total: 0 });

    expect(await appTester(perform, dropdownPage(0))).toEqual([]);
    expect(cursor.calls).toEqual([{ method: 'set_cursor', params: [''] }]);
  });
});
