// The Private Integration Token build over real HTTP against the sandbox: connecting (the test and
// its label), a token without a scope a step needs, an agency token, a Location ID that is not the
// token's, and a token rotated after connecting.
import { issuePrivateToken, revokePrivateToken } from '../../sandbox/auth/privateTokens';
import { ALL_SCOPES } from '../../sandbox/auth/grants';
import { SEED } from '../../sandbox/seedData';
import { failureOf } from '../support/app';
import { dueSoon, useSandbox } from '../support/e2e';

const e2e = useSandbox({ build: 'private-token', rateLimit: false });
const app = e2e.app;
const jane = SEED.contacts.janeCooper;

type Section = 'triggers' | 'creates';
const runOperation = (
  section: Section,
  key: string,
  authData: Record<string, string>,
  inputData: Record<string, unknown> = {},
) => e2e.run<Array<Record<string, unknown>>>(section, key, inputData, authData);
const testConnection = (authData: Record<string, string>) =>
  e2e.appTester(app.authentication!.test as never, { authData } as never) as Promise<{
    name: string;
  }>;

/** A token as a sub-account (or an agency) would create it, with these scopes. */
const tokenWith = (
  scopes = ALL_SCOPES,
  options: { agency?: boolean; locationId?: string } = {},
) => {
  const issued = issuePrivateToken(e2e.sandbox.store, { scopes, ...options });
  return { token: issued.token, locationId: issued.locationId ?? SEED.locations.acme };
};

describe('connecting with a Private Integration Token', () => {
  it('reads the sub-account, labels the connection with its name and runs steps', async () => {
    const authData = tokenWith();
    const tested = await testConnection(authData);
    expect(tested).toMatchObject({ id: SEED.locations.acme, name: 'Acme Dental' });
    expect(app.authentication!.connectionLabel).toBe('{{name}}');

    const tasks = await runOperation('triggers', 'new_task', authData, { contactId: jane });
    expect(tasks.map((task) => task.id)).toEqual(
      expect.arrayContaining(e2e.sandbox.store.tasksByContact.of(jane)),
    );
    const sent = e2e.sandbox.requests.filter((r) => r.path === `/contacts/${jane}/tasks`);
    expect(sent.at(-1)).toMatchObject({ status: 200, locationId: SEED.locations.acme });
  });

  it('names the scope a token lacks and says to add it to the Private Integration', async () => {
    const authData = tokenWith(ALL_SCOPES.filter((scope) => scope !== 'contacts.write'));
    expect((await testConnection(authData)).name).toBe('Acme Dental');
    const failure = await failureOf(
      runOperation('creates', 'create_task', authData, {
        contactId: jane,
        title: 'Send the treatment plan',
        dueDate: dueSoon(),
      }),
    );
    expect(failure).toMatchObject({ code: 'missing_scope', status: 403 });
    expect(failure.message).toMatch(/lacks a scope this step needs: "contacts\.write"/);
    expect(failure.message).toMatch(/Add it to the Private Integration in HighLevel/);
    expect(failure.message).not.toContain(authData.token);
  });

  it('names the scope an API Request needs when the token lacks it', async () => {
    const authData = tokenWith(ALL_SCOPES.filter((scope) => scope !== 'campaigns.readonly'));
    const failure = await failureOf(
      runOperation('creates', 'api_request', authData, {
        method: 'GET',
        path: '/campaigns/',
        query: { locationId: '{locationId}' },
      }),
    );
    expect(failure.message).toMatch(/lacks a scope this step needs: "campaigns\.readonly"/);
  });

  it('refuses an agency token when connecting', async () => {
    const failure = await failureOf(testConnection(tokenWith(ALL_SCOPES, { agency: true })));
    expect(failure).toMatchObject({ code: 'agency_token' });
    expect(failure.message).toMatch(/only works with a sub-account/);
    expect(failure.message).toMatch(/Create the Private Integration inside the sub-account/);
  });

  it("refuses a Location ID that is not the token's sub-account", async () => {
    const { token } = tokenWith(ALL_SCOPES, { locationId: SEED.locations.bright });
    const failure = await failureOf(testConnection({ token, locationId: SEED.locations.acme }));
    expect(failure.message).toMatch(
      /does not belong to the sub-account with Location ID "ve9EPM428h8vShlRW1KT"/,
    );
  });

  it('says a token rotated after connecting must be replaced: it never expires by itself', async () => {
    const authData = tokenWith();
    expect(await runOperation('triggers', 'new_task', authData, { contactId: jane })).not.toEqual(
      [],
    );
    revokePrivateToken(e2e.sandbox.store, authData.token);
    const failure = await failureOf(
      runOperation('triggers', 'new_task', authData, { contactId: jane }),
    );
    expect(failure.name).toBe('ExpiredAuthError');
    expect(failure.message).toMatch(/rotated or deleted/);
    expect(failure.message).not.toContain(authData.token);
  });
});
