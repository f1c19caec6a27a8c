// Zapier stops a step after 30 s. A write that loads the custom-field list first shares one budget
// across both requests, so a slow HighLevel ends the step with a readable error, never Zapier's
// hard stop.
//
// No outcome here hangs on how fast the machine is: a slow answer is stood for by moving the
// step's clock (Date.now, which the budget reads) rather than by waiting, and where a real timeout
// must fire, the answer it cuts off is due many seconds after it.
import nock from 'nock';
import createContact, { perform } from '../../../creates/create_contact';
import { MIN_REQUEST_MS, requestTimeoutMs, stepBudgetMs } from '../../../lib/http/config';
import { bundleWith, failureOf, highLevel, LOCATION_ID, testerFor } from '../../support/app';

const appTester = testerFor('creates', createContact);

/** An answer that, unless cut off, comes long after any timeout these tests expect to fire. */
const LATE_MS = 20_000;

/**
 * Date.now as the step sees it: stopped, and moved only by what the test skips ahead, so the time
 * the step has left is what the test says however long the machine takes between two requests.
 */
const steppedClock = () => {
  let now = Date.now();
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  return { skip: (ms: number) => (now += ms) };
};

afterEach(() => {
  nock.abortPendingRequests(); // the timers of answers a timeout cut off
  jest.restoreAllMocks();
  delete process.env.HIGHLEVEL_STEP_BUDGET_MS;
});

const customFields = { customFields: [{ id: 'cf1', name: 'Note', dataType: 'TEXT' }] };
const customFieldList = () =>
  highLevel().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'contact' });

const createAda = (inputData: Record<string, unknown> = {}) =>
  appTester(perform, bundleWith({ firstName: 'Ada', email: 'ada@example.com', ...inputData }));

describe('one time budget for all the requests of a step', () => {
  it('gives the write only what the slow custom-field list left of the step', async () => {
    // The held-back write is one only the step budget can cut off, not the per-request timeout.
    expect(LATE_MS).toBeLessThan(requestTimeoutMs());
    const clock = steppedClock();
    const left = MIN_REQUEST_MS + 1_500;
    // The list answers as if after all but `left` of the step.
    customFieldList().reply(() => {
      clock.skip(stepBudgetMs() - left);
      return [200, customFields];
    });
    // Well inside the usual 25 s per request, but not inside what is left of the step.
    const write = highLevel()
      .post('/contacts/')
      .delay(LATE_MS)
      .reply(201, { contact: { id: 'c1' } });

    const failure = await failureOf(createAda());

    expect(write.isDone()).toBe(true);
    expect(failure).toMatchObject({ code: 'network_error' });
    expect(failure.message).toMatch(/^Could not reach HighLevel \(.*timeout.*\)\./);
    expect(failure.message).toMatch(/Check in HighLevel whether the change was made/);
  });

  it('waits only a fifth of the step for a custom-field list that only labels the output', async () => {
    // No custom field filled: the list is not needed to write, so the write goes ahead without it.
    // A 10 s step gives the list 2 s; had it waited for the list any longer than 9 s, no time
    // would be left to send the write.
    process.env.HIGHLEVEL_STEP_BUDGET_MS = '10000';
    customFieldList().delay(LATE_MS).reply(200, customFields);
    const write = highLevel()
      .post('/contacts/')
      .reply(201, { contact: { id: 'c1', customFields: [{ id: 'cf1', value: 'x' }] } });

    const contact = (await createAda()) as { id: string };

    expect(write.isDone()).toBe(true);
    expect(contact.id).toBe('c1');
  });

  it('does not send the write when the custom-field list used up the step', async () => {
    // A custom field is filled, so the write waits for the list, which answers as if after all
    // but 400 ms of the step. No interceptor for the write: had it been sent, nock would refuse
    // it with another message.
    const clock = steppedClock();
    customFieldList().reply(() => {
      clock.skip(stepBudgetMs() - 400);
      return [200, customFields];
    });

    const failure = await failureOf(createAda({ customField_cf1: 'x' }));

    expect(failure).toMatchObject({ code: 'network_error', status: 503 });
    expect(failure.message).toBe(
      "HighLevel answered this step's earlier requests so slowly that Zapier's 30-second limit left no time for the next one, so it was not sent. This is usually temporary: the step can be retried.",
    );
  });
});
