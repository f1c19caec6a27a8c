import addContactToWorkflow, { perform } from '../../creates/add_contact_to_workflow';
import { bundleWith, expectInvalidInput, failureOf, highLevel, testerFor } from '../support/app';
import { asZapierSendsIt } from '../support/zapierProduction';

const appTester = testerFor('creates', addContactToWorkflow);
const WORKFLOW_ID = '78559bb3-b920-461e-b010-7b2a2816d2a9';

describe('add_contact_to_workflow', () => {
  it('sends the start time in ISO 8601 and returns it with the contact and workflow', async () => {
    const scope = highLevel()
      .post(`/contacts/c123/workflow/${WORKFLOW_ID}`, {
        eventStartTime: '2026-11-26T15:30:00.000Z',
      })
      .matchHeader('content-type', /^application\/json/)
      .reply(200, { succeded: true });

    const result = await appTester(
      perform,
      bundleWith({
        contactId: 'c123',
        workflowId: WORKFLOW_ID,
        eventStartTime: '2026-11-26T16:30:00+01:00',
      }),
    );

    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      id: 'c123',
      contactId: 'c123',
      workflowId: WORKFLOW_ID,
      eventStartTime: '2026-11-26T15:30:00.000Z',
      added: true,
    });
  });

  it('sends an empty body (the workflow starts right away) when no start time is given', async () => {
    highLevel().post(`/contacts/c123/workflow/${WORKFLOW_ID}`, {}).reply(200, { succeded: true });
    const result = await appTester(
      perform,
      bundleWith({ contactId: 'c123', workflowId: WORKFLOW_ID, eventStartTime: '' }),
    );
    expect(result).toMatchObject({ workflowId: WORKFLOW_ID, eventStartTime: '', added: true });
  });

  it('fails the step when HighLevel answers succeded: false', async () => {
    highLevel().post(`/contacts/c123/workflow/${WORKFLOW_ID}`, {}).reply(200, { succeded: false });
    const failure = await failureOf(
      appTester(perform, bundleWith({ contactId: 'c123', workflowId: WORKFLOW_ID })),
    );
    expect(failure).toMatchObject({
      code: 'not_succeeded',
      message: expect.stringMatching(/could not add the contact to the workflow/),
    });
  });

  it.each([
    [
      { contactId: 'c123', workflowId: WORKFLOW_ID, eventStartTime: 'soon' },
      /Invalid Event Start Time: "soon"/,
    ],
    [{ contactId: 'c123' }, /Invalid Workflow ID: a HighLevel ID is required/],
    [{ workflowId: WORKFLOW_ID }, /Invalid Contact ID/],
  ])('refuses %j before sending anything', async (inputData, message) => {
    await expectInvalidInput(appTester(perform, bundleWith(inputData)), message);
  });

  it.each(['31 Feb 2026', 'I may come 12/25/2026 maybe'])(
    'refuses the start time "%s" as Zapier passes it on, naming the field',
    async (eventStartTime) => {
      const input = asZapierSendsIt(addContactToWorkflow.operation.inputFields, {
        contactId: 'c123',
        workflowId: WORKFLOW_ID,
        eventStartTime,
      });
      await expectInvalidInput(
        appTester(perform, bundleWith(input)),
        /^Invalid Event Start Time: ".*" is not a date and time that exists/,
      );
    },
  );

  it.each([
    ['07/08/2026 14:30', '2026-07-08T18:30:00.000Z'],
    ['Jan 8, 2026 2:30 pm', '2026-01-08T19:30:00.000Z'],
    ['Thu, 08 Jan 2026 14:30:00 +0000', '2026-01-08T14:30:00.000Z'],
  ])(
    'reads the start time "%s" in the Zap\'s time zone (New York) unless it has an offset: %s',
    async (eventStartTime, sent) => {
      const scope = highLevel()
        .post(`/contacts/c123/workflow/${WORKFLOW_ID}`, { eventStartTime: sent })
        .reply(200, { succeded: true });
      const input = asZapierSendsIt(
        addContactToWorkflow.operation.inputFields,
        { contactId: 'c123', workflowId: WORKFLOW_ID, eventStartTime },
        'America/New_York',
      );
      await appTester(perform, bundleWith(input, { timezone: 'America/New_York' }));
      expect(scope.isDone()).toBe(true);
    },
  );
});
