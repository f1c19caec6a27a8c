import { DROPDOWN_PAGE_SIZE } from '../../lib/inputs/dropdowns';
import userChoices, { perform } from '../../triggers/user_choices';
import {
  authData,
  bundleWith,
  COMPANY_ID,
  failureOf,
  highLevel,
  LOCATION_ID,
  testerFor,
} from '../support/app';

const appTester = testerFor('triggers', userChoices);
const withoutCompany = { ...authData, companyId: '' };
const page = (n: number) => bundleWith({}, { isFillingDynamicDropdown: true, page: n });
const users = (skip: number) => ({
  companyId: COMPANY_ID,
  locationId: LOCATION_ID,
  skip: String(skip),
  limit: String(DROPDOWN_PAGE_SIZE),
});

describe('user_choices', () => {
  it('is a hidden, paginating trigger', () => {
    expect(userChoices.display.hidden).toBe(true);
    expect(userChoices.operation.canPaginate).toBe(true);
  });

  it("lists the sub-account's users of the connection's company, labelled by name and email", async () => {
    highLevel()
      .get('/users/search')
      .query(users(0))
      .reply(200, {
        users: [
          {
            id: 'u1',
            name: 'John Deo',
            firstName: 'John',
            lastName: 'Deo',
            email: 'john@deo.com',
          },
          { id: 'u2', firstName: 'Ada', lastName: 'Byron' },
          { id: 'u3', email: 'desk@deo.com' },
          { id: 'u4' },
        ],
        count: 4,
      });

    const results = await appTester(perform, page(0));

    expect(results.map((u) => [u.id, u.name])).toEqual([
      ['u1', 'John Deo (john@deo.com)'],
      ['u2', 'Ada Byron'],
      ['u3', 'desk@deo.com'],
      ['u4', 'u4'],
    ]);
    expect(results[0]).toEqual({
      id: 'u1',
      name: 'John Deo (john@deo.com)',
      firstName: 'John',
      lastName: 'Deo',
      email: 'john@deo.com',
    });
  });

  it('skips the users of earlier pages on "load more"', async () => {
    highLevel()
      .get('/users/search')
      .query(users(2 * DROPDOWN_PAGE_SIZE))
      .reply(200, { users: [], count: 200 });
    expect(await appTester(perform, page(2))).toEqual([]);
  });

  it('asks the sub-account for its company when the connection does not know it', async () => {
    highLevel()
      .get(`/locations/${LOCATION_ID}`)
      .reply(200, { location: { id: LOCATION_ID, name: 'Acme Dental', companyId: COMPANY_ID } });
    highLevel()
      .get('/users/search')
      .query(users(0))
      .reply(200, { users: [{ id: 'u1', name: 'John Deo', email: 'john@deo.com' }], count: 1 });

    const results = await appTester(perform, { ...page(0), authData: withoutCompany });

    expect(results.map((u) => u.name)).toEqual(['John Deo (john@deo.com)']);
  });

  it('explains a sub-account whose company HighLevel does not name', async () => {
    highLevel()
      .get(`/locations/${LOCATION_ID}`)
      .reply(200, { location: { id: LOCATION_ID, name: 'Acme Dental' } });

    const failure = await failureOf(appTester(perform, { ...page(0), authData: withoutCompany }));

    expect(failure.message).toMatch(/Invalid connection: .*company/);
  });
});
