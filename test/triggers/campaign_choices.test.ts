import campaignChoices, { perform } from '../../triggers/campaign_choices';
import { bundleWith, highLevel, LOCATION_ID, testerFor } from '../support/app';

const appTester = testerFor('triggers', campaignChoices);

describe('campaign_choices', () => {
  it('is hidden', () => {
    expect(campaignChoices.display.hidden).toBe(true);
  });

  it("lists the location's campaigns by name, with their status", async () => {
    highLevel()
      .get('/campaigns/')
      .query({ locationId: LOCATION_ID })
      .reply(200, {
        campaigns: [
          { id: 'c1', name: 'Spring recall', status: 'published', locationId: LOCATION_ID },
          { id: 'c2', status: 'draft' },
        ],
      });

    expect(await appTester(perform, bundleWith())).toEqual([
      { id: 'c1', name: 'Spring recall', status: 'published' },
      { id: 'c2', name: 'c2', status: 'draft' },
    ]);
  });

  it('returns an empty list for a location without campaigns', async () => {
    highLevel().get('/campaigns/').query({ locationId: LOCATION_ID }).reply(200, { campaigns: [] });
    expect(await appTester(perform, bundleWith())).toEqual([]);
  });
});
