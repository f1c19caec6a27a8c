import tagChoices, { perform } from '../../triggers/tag_choices';
import { bundleWith, highLevel, LOCATION_ID, testerFor } from '../support/app';

const appTester = testerFor('triggers', tagChoices);

describe('tag_choices', () => {
  it('is hidden', () => {
    expect(tagChoices.display.hidden).toBe(true);
  });

  it("lists the location's tags with both id and name (inputs use the name)", async () => {
    highLevel()
      .get(`/locations/${LOCATION_ID}/tags`)
      .reply(200, {
        tags: [
          { id: 't1', name: 'vip', locationId: LOCATION_ID },
          { id: 't2', name: 'lead', locationId: LOCATION_ID },
          { id: 't1', name: 'vip', locationId: LOCATION_ID },
        ],
      });

    const results = await appTester(perform, bundleWith());

    expect(results).toEqual([
      { id: 't1', name: 'vip', status: '' },
      { id: 't2', name: 'lead', status: '' },
    ]);
  });

  it('returns an empty list for a location without tags', async () => {
    highLevel().get(`/locations/${LOCATION_ID}/tags`).reply(200, { tags: [] });
    expect(await appTester(perform, bundleWith())).toEqual([]);
  });
});
