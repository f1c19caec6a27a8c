// An unknown contact id over real HTTP, answered both ways it may be answered: v2's 400 "Contact
// with id … not found" (what HighLevel and the sandbox say) and a plain 404. Either way a search
// finds nothing and an action names the missing contact.
import type { Fault } from '../../../sandbox/faults';
import { expectNoTokens, runOperation, useSandbox } from '../../support/e2e';
import { failureOf } from '../../support/app';

const e2e = useSandbox({ rateLimit: false });
const missing = 'noSuchContact0001';

const answers: Array<[string, Omit<Fault, 'path'> | undefined]> = [
  ['400 "Contact with id … not found" (the sandbox itself, like HighLevel)', undefined],
  ['404', { status: 404, body: { statusCode: 404, message: 'Contact not found' } }],
];

describe.each(answers)('an unknown contact id answered with %s', (_answer, fault) => {
  beforeEach(() => {
    if (fault) e2e.sandbox.injectFault({ path: '/contacts/{contactId}', ...fault });
  });
  afterEach(() => e2e.sandbox.clearFaults());

  it('Find Contact by ID finds nothing', async () => {
    const found = await runOperation(e2e.appTester, 'searches', 'get_contact', e2e.authData, {
      contactId: missing,
    });
    expect(found).toEqual([]);
  });

  it('Delete Contact says which contact HighLevel could not find', async () => {
    const failure = await failureOf(
      runOperation(e2e.appTester, 'creates', 'delete_contact', e2e.authData, {
        contactId: missing,
      }),
    );
    expect(failure).toMatchObject({ name: 'AppError', code: 'not_found' });
    expect(failure.message).toBe(
      `HighLevel could not find the contact "${missing}". It may have been deleted, or it belongs to another sub-account.`,
    );
    expectNoTokens(failure.message, e2e.authData);
  });
});
