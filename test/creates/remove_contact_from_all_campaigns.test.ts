import removeContactFromAllCampaigns, {
  perform,
} from '../../creates/remove_contact_from_all_campaigns';
import { bundleWith, expectInvalidInput, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', removeContactFromAllCampaigns);

describe('remove_contact_from_all_campaigns', () => {
  it('calls removeAll for the contact and says it left every campaign', async () => {
    const sent: string[] = [];
    const scope = highLevel()
      .delete('/contacts/c123/campaigns/removeAll')
      .reply(200, { succeded: true })
      .on('request', (_req, _interceptor, body: string) => sent.push(body));

    const result = await appTester(perform, bundleWith({ contactId: 'c123' }));

    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual(['']);
    expect(result).toEqual({ id: 'c123', contactId: 'c123', allCampaigns: true, removed: true });
  });

  it('fails the step when HighLevel answers succeded: false', async () => {
    highLevel().delete('/contacts/c123/campaigns/removeAll').reply(200, { succeded: false });
    const failure = await failureOf(appTester(perform, bundleWith({ contactId: 'c123' })));
    expect(failure).toMatchObject({
      code: 'not_succeeded',
      message: expect.stringMatching(/could not remove the contact from all campaigns/),
    });
  });

  it('names the contact (not "removeAll") when HighLevel does not know it', async () => {
    highLevel()
      .delete('/contacts/gone1/campaigns/removeAll')
      .reply(404, { statusCode: 404, message: 'Contact not found' });
    const failure = await failureOf(appTester(perform, bundleWith({ contactId: 'gone1' })));
    expect(failure.message).toMatch(/^HighLevel could not find the contact "gone1"\./);
  });

  it('refuses a missing contact before sending anything', async () => {
    await expectInvalidInput(
      appTester(perform, bundleWith({ contactId: ' ' })),
      /Invalid Contact ID/,
    );
  });
});
