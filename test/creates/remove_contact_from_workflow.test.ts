import removeContactFromWorkflow, { perform } from '../../creates/remove_contact_from_workflow';
import { bundleWith, expectInvalidInput, failureOf, highLevel, testerFor } from '../support/app';

const appTester = testerFor('creates', removeContactFromWorkflow);
const WORKFLOW_ID = '78559bb3-b920-461e-b010-7b2a2816d2a9';

describe('remove_contact_from_workflow', () => {
  it('sends the empty body the spec requires and returns the contact and workflow', async () => {
    const sent: string[] = [];
    const scope = highLevel()
      .delete(`/contacts/c123/workflow/${WORKFLOW_ID}`)
      .matchHeader('content-type', /^application\/json/)
      .reply(200, { succeded: true })
      .on('request', (_req, _interceptor, body: string) => sent.push(body));

    const result = await appTester(
      perform,
      bundleWith({ contactId: 'c123', workflowId: WORKFLOW_ID }),
    );

    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual(['{}']);
    expect(result).toEqual({
      id: 'c123',
      contactId: 'c123',
      workflowId: WORKFLOW_ID,
      removed: true,
    });
  });

  it('fails the step when HighLevel answers succeded: false', async () => {
    highLevel()
      .delete(`/contacts/c123/workflow/${WORKFLOW_ID}`, {})
      .reply(200, { succeded: false });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', workflowId: WORKFLOW_ID })),
    );
    expect(failure).toMatchObject({
      code: 'not_succeeded',
      message: expect.stringMatching(/could not remove the contact from the workflow/),
    });
  });

  it('names the workflow when HighLevel does not know it', async () => {
    highLevel()
      .delete('/contacts/c123/workflow/gone5', {})
      .reply(404, { statusCode: 404, message: 'Workflow not found' });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', workflowId: 'gone5' })),
    );
    expect(failure.message).toMatch(
      /^HighLevel could not find the workflow "gone5" on contact "c123"/,
    );
  });

  it.each([
    [{ contactId: 'c123', workflowId: '..' }, /Invalid Workflow ID: "\.\."/],
    [{ workflowId: WORKFLOW_ID }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });
});
