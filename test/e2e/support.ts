// End-to-end harness: a real sandbox on 127.0.0.1, the app pointed at it through the environment
// (exactly as `npm run sandbox` does for `zapier-platform invoke`), and the full registered app.
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

export type E2E = {
  sandbox: Sandbox;
  appTester: ReturnType<typeof zapier.createAppTester>;
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
