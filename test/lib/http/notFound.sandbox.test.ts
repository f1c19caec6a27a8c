// An unknown contact id over real HTTP, answered both ways it may be answered: v2's 400 "Contact
// with id … not found" (what HighLevel and the sandbox say) and a plain 404. Either way a search
// finds nothing and an action names the missing contact. For both builds.
import type { Fault } from '../../../sandbox/faults';
import { BUILDS, expectNoTokens, useSandbox } from '../../support/e2e';
import { failureOf } from '../../support/app';

const missing = 'noSuchContact0001';

const answers: Array<[string, Omit<Fault, 'path'> | undefined]> = [
  ['400 "Contact with id … not found" (the sandbox itself, like HighLevel)', undefined],
  ['404', { status: 404, body: { statusCode: 404, message: 'Contact not found' } }],
];

describe.each(BUILDS)('the %s build', (build) => {
  const e2e = useSandbox({ build, rateLimit: false });

  describe.each(answers)('an unknown contact id answered with %s', (_answer, fault) => {
    beforeEach(() => {
      if (fault) e2e.sandbox.injectFault({ path: '/contacts/{contactId}', ...fault });
    });
    afterEach(() => e2e.sandbox.clearFaults());

    it('Find Contact by ID finds nothing', async () => {
      const found = await e2e.run('searches', 'get_contact', {
        contactId: missing,
      });
      expect(found).toEqual([]);
    });

    it('Delete Contact says which contact HighLevel could not find', async () => {
      const failure = await failureOf(
        e2e.run('creates', 'delete_contact', {
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
});
