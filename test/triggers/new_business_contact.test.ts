import newBusinessContact, {
  MAX_PAGES,
  PAGE_SIZE,
  perform,
} from '../../triggers/new_business_contact';
import {
  bundleWith,
  failureOf,
  highLevel,
  LOCATION_ID,
  noCustomFields,
  testerFor,
} from '../support/app';

const appTester = testerFor('triggers', newBusinessContact);
const BUSINESS_ID = '63771dcac1116f0e21de8e12';
const PATH = `/contacts/business/${BUSINESS_ID}`;

/** A contact as GET /contacts/business/{businessId} lists it, added `daysAgo` days ago. */
const businessRow = (n: number, daysAgo: number) => ({
  id: `bizcontact${String(n).padStart(10, '0')}`,
  locationId: LOCATION_ID,
  email: `member${n}@example.com`,
  firstName: 'Member',
  lastName: String(n),
  businessId: BUSINESS_ID,
  tags: [],
  customFields: [],
  dateAdded: new Date(Date.UTC(2026, 0, 31) - daysAgo * 86_400_000).toISOString(),
});
const page = (skip: number) => ({ locationId: LOCATION_ID, limit: '100', skip: String(skip) });

describe('new_business_contact', () => {
  it('lists the business contacts with string paging and returns them newest added first', async () => {
    noCustomFields();
    const rows = [businessRow(1, 9), businessRow(2, 1), businessRow(3, 4)];
    highLevel().get(PATH).query(page(0)).reply(200, { contacts: rows, count: 3 });

    const results = await appTester(perform, bundleWith({ businessId: BUSINESS_ID }));

    expect(results.map((r) => r.id)).toEqual([rows[1]!.id, rows[2]!.id, rows[0]!.id]);
    expect(results[0]).toMatchObject({
      fullName: 'Member 2',
      email: 'member2@example.com',
      businessId: BUSINESS_ID,
      dateAdded: rows[1]!.dateAdded,
    });
  });

  it('reads every page up to a short one, so a new contact on a later page is not missed', async () => {
    noCustomFields();
    const first = Array.from({ length: PAGE_SIZE }, (_, i) => businessRow(i, 30 + i));
    const newest = businessRow(999, 0);
    highLevel().get(PATH).query(page(0)).reply(200, { contacts: first, count: 101 });
    // The last contact of page 0 again (offsets shift while contacts are added) and the new one.
    highLevel()
      .get(PATH)
      .query(page(100))
      .reply(200, { contacts: [first[99], newest], count: 101 });

    const results = await appTester(perform, bundleWith({ businessId: BUSINESS_ID }));

    expect(results[0]!.id).toBe(newest.id);
    const ids = results.map((r) => r.id);
    expect(new Set(ids).size).toBe(PAGE_SIZE + 1);
  });

  it(`stops after ${MAX_PAGES} full pages`, async () => {
    noCustomFields();
    for (let p = 0; p < MAX_PAGES; p += 1) {
      const rows = Array.from({ length: PAGE_SIZE }, (_, i) => businessRow(p * PAGE_SIZE + i, i));
      highLevel()
        .get(PATH)
        .query(page(p * PAGE_SIZE))
        .reply(200, { contacts: rows, count: 5000 });
    }

    const results = await appTester(perform, bundleWith({ businessId: BUSINESS_ID }));
    expect(results).toHaveLength(MAX_PAGES * PAGE_SIZE);
  });

  it('returns nothing for a business without contacts', async () => {
    noCustomFields();
    highLevel().get(PATH).query(page(0)).reply(200, { contacts: [], count: 0 });
    expect(await appTester(perform, bundleWith({ businessId: BUSINESS_ID }))).toEqual([]);
  });

  it('requires a business, before any request', async () => {
    const failure = await failureOf(appTester(perform, bundleWith({})));
    expect(failure.message).toMatch(/Invalid Business ID/);
  });
});
