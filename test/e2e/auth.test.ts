// The OAuth connection over real HTTP against the sandbox: the browser flow through the consent
// page, expiry and rotating refresh, a refresh HighLevel failed (not refused), a connection
// without a scope a step needs, and the tokens the Contacts API cannot use (agency, another
// sub-account's).
import authentication from '../../authentication';
import { SCOPES } from '../../lib/http/config';
import App from '../../index';
import { connectionOf, DEFAULT_REDIRECT_URI } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { failureOf } from '../support/app';
import { dueSoon, expectNoTokens, runOperation, useSandbox } from '../support/e2e';

const e2e = useSandbox({ rateLimit: false });
const { oauth2Config } = authentication;
const jane = SEED.contacts.janeCooper;

/** What a browser does with the consent page's form: its action and every value it would post. */
const consentForm = (html: string) => {
  const decode = (text: string) =>
    text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
      ([, name, value]) => [name as string, decode(value as string)],
    ),
  );
  const locationId = /<input type="radio" name="locationId" value="([^"]+)"/.exec(html)?.[1];
  return { action: action && decode(action), fields, locationId };
};

/** POST /oauth/token straight to the sandbox, as an OAuth client other than this app might. */
const tokenEndpoint = async (form: Record<string, string>) => {
  const response = await fetch(`${e2e.sandbox.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: process.env.CLIENT_ID ?? '',
      client_secret: process.env.CLIENT_SECRET ?? '',
      ...form,
    }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** The browser flow, approving `scope` instead of what the app asks for (an older install, say). */
const connectWithScopes = async (scope: string): Promise<Record<string, string>> => {
  const url = new URL(
    (await e2e.appTester(oauth2Config.authorizeUrl, {
      inputData: { redirect_uri: DEFAULT_REDIRECT_URI, state: 's' },
    } as never)) as string,
  );
  url.searchParams.set('scope', scope);
  const form = consentForm(await (await fetch(url)).text());
  const approved = await fetch(new URL(form.action!, e2e.sandbox.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...form.fields, locationId: form.locationId! }).toString(),
    redirect: 'manual',
  });
  const code = new URL(approved.headers.get('location')!).searchParams.get('code');
  return (await e2e.appTester(oauth2Config.getAccessToken, {
    inputData: { code, redirect_uri: DEFAULT_REDIRECT_URI },
  } as never)) as Record<string, string>;
};

const newTasks = (authData: Record<string, string>) =>
  runOperation<Array<{ id: string }>>(e2e.appTester, 'triggers', 'new_task', authData, {
    contactId: jane,
  });

describe('connecting HighLevel through the consent page', () => {
  const redirectUri = 'https://zapier.com/dashboard/auth/oauth/return/App123CLIAPI/';
  const state = 'st-6f2a1c9e';

  it('goes from the authorize URL to a labelled, working connection', async () => {
    // The functions run below must be the ones the app registers, not a copy.
    expect(App.authentication).toBe(authentication);
    const authorizeUrl = (await e2e.appTester(oauth2Config.authorizeUrl, {
      inputData: { redirect_uri: redirectUri, state },
    } as never)) as string;
    expect(authorizeUrl.startsWith(`${e2e.sandbox.url}/v2/oauth/chooselocation?`)).toBe(true);

    const consent = await fetch(authorizeUrl);
    expect(consent.status).toBe(200);
    const form = consentForm(await consent.text());
    expect(form.fields).toMatchObject({ redirect_uri: redirectUri, state });
    expect(form.locationId).toBe(SEED.locations.acme);

    const approved = await fetch(new URL(form.action!, e2e.sandbox.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form.fields, locationId: form.locationId! }).toString(),
      redirect: 'manual',
    });
    expect(approved.status).toBe(302);
    const back = new URL(approved.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe(state);
    const code = back.searchParams.get('code');
    expect(code).toMatch(/^[0-9a-f]{40}$/);

    const authData = (await e2e.appTester(oauth2Config.getAccessToken, {
      inputData: { code, redirect_uri: redirectUri, state },
    } as never)) as Record<string, string>;
    expect(authData).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      locationId: SEED.locations.acme,
      companyId: SEED.companyId,
      userId: SEED.users.dana,
      grantedScopes: SCOPES.join(' '),
    });
    expect(authData.access_token).not.toBe(authData.refresh_token);

    const tested = (await e2e.appTester(authentication.test, { authData } as never)) as {
      id: string;
      name: string;
    };
    expect(tested).toMatchObject({ id: SEED.locations.acme, name: 'Acme Dental' });
    expect(authentication.connectionLabel.replace('{{name}}', tested.name)).toBe('Acme Dental');

    // The code is single use: a replayed callback cannot mint a second connection.
    const replay = await failureOf(
      e2e.appTester(oauth2Config.getAccessToken, {
        inputData: { code, redirect_uri: redirectUri, state },
      } as never),
    );
    expect(replay.message).toMatch(/did not accept the sign-in.*try connecting again/);
    expect(replay.message).not.toContain(code!);
  });
});

describe('an access token that expired', () => {
  it('asks Zapier to refresh, rotates both tokens, and retires the old refresh token', async () => {
    const before = connectionOf(e2e.sandbox.issueTokens());
    expect(await newTasks(before)).not.toEqual([]);
    e2e.sandbox.expireAccessToken(before.access_token!);

    const expired = await failureOf(newTasks(before));
    expect(expired.name).toBe('RefreshAuthError');
    expectNoTokens(expired.message, before);

    const after = (await e2e.appTester(oauth2Config.refreshAccessToken, {
      authData: before,
    } as never)) as Record<string, string>;
    expect(after).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      locationId: SEED.locations.acme,
      companyId: SEED.companyId,
      userId: SEED.users.dana,
      grantedScopes: expect.stringContaining('contacts.write'),
    });
    expect(after.access_token).not.toBe(before.access_token);
    expect(after.refresh_token).not.toBe(before.refresh_token);

    const tasks = await newTasks(after);
    expect(tasks.map((task) => task.id)).toEqual(
      expect.arrayContaining(e2e.sandbox.store.tasksByContact.of(jane)),
    );

    const reused = await failureOf(
      e2e.appTester(oauth2Config.refreshAccessToken, { authData: before } as never),
    );
    expect(reused.name).toBe('ExpiredAuthError');
    expect(reused.message).toMatch(/reconnect your HighLevel account/);
    expectNoTokens(reused.message, before);
    expectNoTokens(reused.message, after);
    // The refused replay did not burn the new pair: the connection keeps working.
    expect(await newTasks(after)).toHaveLength(tasks.length);
  });
});

describe('a refresh that HighLevel did not refuse', () => {
  afterEach(() => e2e.sandbox.clearFaults());

  it('fails readably and retryably on a 503, and leaves the connection working', async () => {
    const before = connectionOf(e2e.sandbox.issueTokens());
    e2e.sandbox.injectFault({ method: 'POST', path: '/oauth/token', status: 503 });
    const failed = await failureOf(
      e2e.appTester(oauth2Config.refreshAccessToken, { authData: before } as never),
    );
    expect(failed).toMatchObject({ name: 'AppError', code: 'highlevel_unavailable', status: 503 });
    expect(failed.message).toMatch(/This is usually temporary: the step can be retried\.$/);
    expectNoTokens(failed.message, before);

    // Not an expired connection: the same refresh token still works once HighLevel is back.
    const after = (await e2e.appTester(oauth2Config.refreshAccessToken, {
      authData: before,
    } as never)) as Record<string, string>;
    expect(await newTasks(after)).not.toEqual([]);
  });
});

describe('a connection without a scope a step needs', () => {
  const withoutWrite = SCOPES.filter((scope) => scope !== 'contacts.write').join(' ');
  const createTask = (authData: Record<string, string>) =>
    runOperation(e2e.appTester, 'creates', 'create_task', authData, {
      contactId: jane,
      title: 'Send the treatment plan',
      dueDate: dueSoon(),
    });
  const taskPosts = () =>
    e2e.sandbox.requests.filter((r) => r.method === 'POST' && r.path === `/contacts/${jane}/tasks`);
  const expectMissingWrite = (failure: Awaited<ReturnType<typeof failureOf>>) => {
    expect(failure).toMatchObject({ name: 'AppError', code: 'missing_scope', status: 403 });
    expect(failure.message).toMatch(
      /lacks a permission \(scope\) this step needs: "contacts\.write"/,
    );
    expect(failure.message).toMatch(/Reconnect HighLevel/);
  };

  it('names the missing scope instead of refreshing, and still runs the steps it allows', async () => {
    const authData = await connectWithScopes(withoutWrite);
    expect(authData.grantedScopes).toBe(withoutWrite);
    expect(await newTasks(authData)).not.toEqual([]);

    e2e.sandbox.resetRequestLog();
    const failure = await failureOf(createTask(authData));
    expectMissingWrite(failure);
    expectNoTokens(failure.message, authData);
    expect(taskPosts()).toEqual([]); // refused before sending: HighLevel would answer 401
  });

  it('on a connection that predates grantedScopes: one refresh, then the missing scope is named', async () => {
    const { grantedScopes: _unknown, ...older } = await connectWithScopes(withoutWrite);
    e2e.sandbox.resetRequestLog();

    // HighLevel's answer to the missing scope is a 401, which core can only read as "expired".
    const first = await failureOf(createTask(older));
    expect(first.name).toBe('RefreshAuthError');
    expect(taskPosts().map((r) => r.status)).toEqual([401]);

    const refreshed = (await e2e.appTester(oauth2Config.refreshAccessToken, {
      authData: older,
    } as never)) as Record<string, string>;
    expect(refreshed.grantedScopes).toBe(withoutWrite);
    expectMissingWrite(await failureOf(createTask(refreshed)));
    expect(taskPosts()).toHaveLength(1);
  });
});

describe('tokens the Contacts API cannot use', () => {
  afterEach(() => e2e.sandbox.clearFaults());

  it('refuses an agency (company) token at connect time and asks for a sub-account', async () => {
    const agency = await tokenEndpoint({
      grant_type: 'authorization_code',
      code: e2e.sandbox.authorize(),
      redirect_uri: DEFAULT_REDIRECT_URI,
      user_type: 'Company',
    });
    expect(agency.status).toBe(200);
    expect(agency.body).toMatchObject({ userType: 'Company', companyId: SEED.companyId });
    expect(agency.body.locationId).toBeUndefined();

    // The app always asks for a Location token, so the sandbox answers its exchange with the agency
    // token above: what HighLevel sends when the installer picks the agency instead of a location.
    e2e.sandbox.injectFault({
      method: 'POST',
      path: '/oauth/token',
      status: 200,
      body: agency.body,
    });
    const refused = await failureOf(
      e2e.appTester(oauth2Config.getAccessToken, {
        inputData: { code: e2e.sandbox.authorize(), redirect_uri: DEFAULT_REDIRECT_URI },
      } as never),
    );
    expect(refused.name).toBe('AppError');
    expect(refused.message).toMatch(/agency \(company\) account/);
    expect(refused.message).toMatch(/choose a sub-account \(location\)/);
    expectNoTokens(refused.message, agency.body as Record<string, string>);
  });

  it("explains a 403 when one sub-account's connection reads another's contact", async () => {
    const bright = connectionOf(e2e.sandbox.issueTokens(SEED.locations.bright));
    e2e.sandbox.resetRequestLog();
    const failure = await failureOf(
      runOperation(e2e.appTester, 'searches', 'get_contact', bright, { contactId: jane }),
    );
    expect(failure).toMatchObject({ name: 'AppError', code: 'forbidden', status: 403 });
    expect(failure.message).toMatch(/no access to that sub-account \(location\)/);
    expectNoTokens(failure.message, bright);
    expect(e2e.sandbox.requests.find((r) => r.path === `/contacts/${jane}`)?.status).toBe(403);
  });

  it('writes nothing into another sub-account: a task on an Acme contact is refused', async () => {
    const bright = connectionOf(e2e.sandbox.issueTokens(SEED.locations.bright));
    const tasksBefore = e2e.sandbox.store.tasks.size;
    const failure = await failureOf(
      runOperation(e2e.appTester, 'creates', 'create_task', bright, {
        contactId: jane,
        title: 'Confirm the insurance card',
        dueDate: dueSoon(),
      }),
    );
    expect(failure).toMatchObject({ code: 'forbidden', status: 403 });
    expect(failure.message).toMatch(/no access to that sub-account/);
    expect(e2e.sandbox.store.tasks.size).toBe(tasksBefore);
  });
});
