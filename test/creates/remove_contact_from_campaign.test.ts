import removeContactFromCampaign, { perform } from '../../creates/remove_contact_from_campaign';
import { bundleWith, expectInvalidInput, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', removeContactFromCampaign);

describe('remove_contact_from_campaign', () => {
  it('deletes the membership without a body and returns the contact and campaign', async () => {
    const sent: string[] = [];
    const scope = highLevel()
      .delete('/contacts/c123/campaigns/camp9')
      .reply(200, { succeded: true })
      .on('request', (_req, _interceptor, body: string) => sent.push(body));

    const result = await appTester(perform, bundleWith({ contactId: 'c123', campaignId: 'camp9' }));

    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual(['']);
    expect(result).toEqual({ id: 'c123', contactId: 'c123', campaignId: 'camp9', removed: true });
  });

  it('fails the step when HighLevel answers succeded: false', async () => {
    highLevel().delete('/contacts/c123/campaigns/camp9').reply(200, { succeded: false });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', campaignId: 'camp9' })),
    );
    expect(failure).toMatchObject({
      code: 'not_succeeded',
      message: expect.stringMatching(/could not remove the contact from the campaign/),
    });
  });

  it.each([
    [{ contactId: 'c123' }, /Invalid Campaign ID: a HighLevel ID is required/],
    [{ contactId: 'c 1', campaignId: 'camp9' }, /Invalid Contact ID: "c 1"/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
