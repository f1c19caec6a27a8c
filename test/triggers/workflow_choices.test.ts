import workflowChoices, { perform } from '../../triggers/workflow_choices';
import { bundleWith, highLevel, LOCATION_ID, testerFor } from '../support/app';

const appTester = testerFor('triggers', workflowChoices);

describe('workflow_choices', () => {
  it('is hidden', () => {
    expect(workflowChoices.display.hidden).toBe(true);
  });

  it("lists the location's workflows by name, with their status", async () => {
    highLevel()
      .get('/workflows/')
      .query({ locationId: LOCATION_ID })
      .reply(200, {
        workflows: [
          {
            id: '78559bb3-b920-461e-b010-7b2a2816d2a9',
            name: 'New patient welcome',
            status: 'published',
            version: 2,
            locationId: LOCATION_ID,
          },
          { id: 'a1c0b6f4-5d0e-4d43-9a7e-0c58e0d7c3b1', name: 'Recall', status: 'draft' },
        ],
      });

    const results = await appTester(perform, bundleWith());

    expect(results).toEqual([
      {
        id: '78559bb3-b920-461e-b010-7b2a2816d2a9',
        name: 'New patient welcome',
        status: 'published',
      },
      { id: 'a1c0b6f4-5d0e-4d43-9a7e-0c58e0d7c3b1', name: 'Recall', status: 'draft' },
    ]);
  });

  it('returns an empty list for a location without workflows', async () => {
    highLevel().get('/workflows/').query({ locationId: LOCATION_ID }).reply(200, { workflows: [] });
    expect(await appTester(perform, bundleWith())).toEqual([]);
  });
});
