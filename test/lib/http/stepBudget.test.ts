// Zapier stops a step after 30 s. A write that loads the custom-field list first shares one budget
// across both requests, so a slow HighLevel ends the step with a readable error, never Zapier's
// hard stop (HIGHLEVEL_STEP_BUDGET_MS shortens the budget here).
import createContact, { perform } from '../../../creates/create_contact';
import { bundleWith, failureOf, highLevel, LOCATION_ID, testerFor } from '../../support/app';

const appTester = testerFor('creates', createContact);
const BUDGET_MS = 1_500;

beforeEach(() => {
  process.env.HIGHLEVEL_STEP_BUDGET_MS = String(BUDGET_MS);
});
afterEach(() => {
  delete process.env.HIGHLEVEL_STEP_BUDGET_MS;
});

const customFieldsAfter = (delayMs: number) =>
  highLevel()
    .get(`/locations/${LOCATION_ID}/customFields`)
    .query({ model: 'contact' })
    .delay(delayMs)
    .reply(200, { customFields: [{ id: 'cf1', name: 'Note', dataType: 'TEXT' }] });
const createAda = () =>
  failureOf(appTester(perform, bundleWith({ firstName: 'Ada', email: 'ada@example.com' })));

describe('one time budget for all the requests of a step', () => {
  it('gives the write only what the slow custom-field list left of the step', async () => {
    customFieldsAfter(150);
    // Well inside the usual 25 s per request, but not inside what is left of the step.
    const write = highLevel()
      .post('/contacts/')
      .delay(BUDGET_MS)
      .reply(201, { contact: { id: 'c1' } });

    const failure = await createAda();

    expect(write.isDone()).toBe(true);
    expect(failure).toMatchObject({ code: 'network_error' });
    expect(failure.message).toMatch(/^Could not reach HighLevel \(.*timeout.*\)\./);
    expect(failure.message).toMatch(/Check in HighLevel whether the change was made/);
  });

  it('waits only a fifth of the step for a custom-field list that only labels the output', async () => {
    // No custom field filled: the list is not needed to write, so the write goes ahead without it.
    customFieldsAfter(BUDGET_MS);
    const write = highLevel()
      .post('/contacts/')
      .reply(201, { contact: { id: 'c1', customFields: [{ id: 'cf1', value: 'x' }] } });

    const contact = (await appTester(
      perform,
      bundleWith({ firstName: 'Ada', email: 'ada@example.com' }),
    )) as { id: string };

    expect(write.isDone()).toBe(true);
    expect(contact.id).toBe('c1');
  });

  it('does not send the write when the custom-field list used up the step', async () => {
    // A custom field is filled, so the write waits for the list. No interceptor for the write:
    // had it been sent, nock would refuse it with another message.
    customFieldsAfter(BUDGET_MS - 400);

    const failure = await failureOf(
      appTester(
        perform,
        bundleWith({ firstName: 'Ada', email: 'ada@example.com', customField_cf1: 'x' }),
      ),
    );

    expect(failure).toMatchObject({ code: 'network_error', status: 503 });
    expect(failure.message).toBe(
      "HighLevel answered this step's earlier requests so slowly that Zapier's 30-second limit left no time for the next one, so it was not sent. This is usually temporary: the step can be retried.",
    );
  });
});
