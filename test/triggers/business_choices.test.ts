import { DROPDOWN_PAGE_SIZE } from '../../lib/inputs/dropdowns';
import businessChoices, { perform } from '../../triggers/business_choices';
import { bundleWith, highLevel, LOCATION_ID, testerFor } from '../support/app';

const appTester = testerFor('triggers', businessChoices);
const page = (n: number) => bundleWith({}, { isFillingDynamicDropdown: true, page: n });
const businesses = (skip: number) => ({
  locationId: LOCATION_ID,
  limit: String(DROPDOWN_PAGE_SIZE),
  skip: String(skip),
});

describe('business_choices', () => {
  it('is a hidden, paginating trigger', () => {
    expect(businessChoices.display.hidden).toBe(true);
    expect(businessChoices.operation.canPaginate).toBe(true);
  });

  it("lists the location's businesses by name, one page at a time", async () => {
    highLevel()
      .get('/businesses/')
      .query(businesses(0))
      .reply(200, {
        businesses: [
          { id: '63771dcac1116f0e21de8e12', name: 'Microsoft', email: 'abc@microsoft.com' },
          { id: '63771dcac1116f0e21de8e13', name: 'Dolomite Dental' },
        ],
      });

    expect(await appTester(perform, page(0))).toEqual([
      { id: '63771dcac1116f0e21de8e12', name: 'Microsoft', status: '' },
      { id: '63771dcac1116f0e21de8e13', name: 'Dolomite Dental', status: '' },
    ]);
  });

  it('skips the businesses of earlier pages on "load more"', async () => {
    highLevel()
      .get('/businesses/')
      .query(businesses(DROPDOWN_PAGE_SIZE))
      .reply(200, { businesses: [{ id: 'b101', name: 'Late Co' }] });

    const results = await appTester(perform, page(1));
    expect(results.map((b) => b.id)).toEqual(['b101']);
  });

  it('returns an empty list past the last page', async () => {
    highLevel()
      .get('/businesses/')
      .query(businesses(3 * DROPDOWN_PAGE_SIZE))
      .reply(200, { businesses: [] });
    expect(await appTester(perform, page(3))).toEqual([]);
  });
});
