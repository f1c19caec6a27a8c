import addContactToCampaign, { perform } from '../../creates/add_contact_to_campaign';
import { bundleWith, expectInvalidInput, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', addContactToCampaign);

describe('add_contact_to_campaign', () => {
  it('posts the empty body the spec requires and returns the contact and campaign', async () => {
    const sent: string[] = [];
    const scope = highLevel()
      .post('/contacts/c123/campaigns/camp9')
      .matchHeader('content-type', /^application\/json/)
      .reply(201, { succeded: true })
      .on('request', (_req, _interceptor, body: string) => sent.push(body));

    const result = await appTester(
      perform,
      bundleWith({ contactId: 'c123', campaignId: ' camp9 ' }),
    );

    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual(['{}']);
    expect(result).toEqual({ id: 'c123', contactId: 'c123', campaignId: 'camp9', added: true });
  });

  it('fails the step when HighLevel answers succeded: false', async () => {
    highLevel().post('/contacts/c123/campaigns/camp9', {}).reply(201, { succeded: false });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', campaignId: 'camp9' })),
    );
    expect(failure).toMatchObject({
      code: 'not_succeeded',
      message: expect.stringMatching(/could not add the contact to the campaign/),
    });
  });

  it('names the campaign when HighLevel does not know it', async () => {
    highLevel()
      .post('/contacts/c123/campaigns/gone3', {})
      .reply(404, { statusCode: 404, message: 'Campaign not found' });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', campaignId: 'gone3' })),
    );
    expect(failure.message).toMatch(
      /^HighLevel could not find the campaign "gone3" on contact "c123"/,
    );
  });

  it.each([
    [{ contactId: 'c123', campaignId: '' }, /Invalid Campaign ID: a HighLevel ID is required/],
    [{ contactId: 'c123', campaignId: 'a?b' }, /Invalid Campaign ID: "a\?b"/],
    [{ campaignId: 'camp9' }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
