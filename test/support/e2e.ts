// End-to-end harness: a real sandbox on 127.0.0.1, the app pointed at it through the environment
// (exactly as `npm run sandbox` does for `zapier-platform invoke`), and the full registered app run
// one step at a time as Zapier would. Builds on the unit harness (app.ts) for bundles.
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../../index';
import {
  connectionOf,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  startSandbox,
  type Sandbox,
  type SandboxOptions,
} from '../../sandbox/server';
import { bundleWith } from './app';

type Section = 'triggers' | 'creates' | 'searches';
type AppTester = ReturnType<typeof zapier.createAppTester>;
type Performable = { operation: { perform: unknown } };

export type E2E = {
  sandbox: Sandbox;
  appTester: AppTester;
  authData: Record<string, string>;
};

/** Starts a sandbox for the test file (beforeAll) and stops it (afterAll). */
export const useSandbox = (options: SandboxOptions = {}): E2E => {
  const e2e = {} as E2E;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    e2e.sandbox = await startSandbox({ port: 0, ...options });
    process.env.HIGHLEVEL_API_BASE_URL = e2e.sandbox.url;
    process.env.HIGHLEVEL_MARKETPLACE_URL = e2e.sandbox.url;
    process.env.CLIENT_ID = DEFAULT_CLIENT_ID;
    process.env.CLIENT_SECRET = DEFAULT_CLIENT_SECRET;
    e2e.authData = connectionOf(e2e.sandbox.issueTokens());
    e2e.appTester = zapier.createAppTester(App);
  });
  afterAll(async () => {
    await e2e.sandbox?.close();
    delete process.env.HIGHLEVEL_API_BASE_URL;
    delete process.env.HIGHLEVEL_MARKETPLACE_URL;
  });
  return e2e;
};

/** Runs `section.key` of the registered app (not a copy of it), as one Zap step. */
export const runOperation = <T = unknown>(
  appTester: AppTester,
  section: Section,
  key: string,
  authData: Record<string, string>,
  inputData: Record<string, unknown> = {},
): Promise<T> => {
  const operation = (App[section] as Record<string, Performable> | undefined)?.[key];
  if (!operation) throw new Error(`${section}.${key} is not registered`);
  const bundle = { ...bundleWith(inputData), authData };
  return appTester(operation.operation.perform as never, bundle as never) as Promise<T>;
};

/** A message a user (or Zapier's logs) sees must not carry any token of the connection. */
export const expectNoTokens = (text: string, authData: Record<string, string>): void => {
  for (const token of [authData.access_token, authData.refresh_token]) {
    expect(token).toBeTruthy();
    expect(text).not.toContain(token);
  }
};

/** An email no seeded or earlier contact has, so a duplicate rule can never be what fails. */
export const uniqueEmail = (label: string): string =>
  `${label.replace(/\W+/g, '-').toLowerCase()}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** A due date two days ahead, as an ISO-8601 string. */
export const dueSoon = (): string => new Date(Date.now() + 2 * 86_400_000).toISOString();
