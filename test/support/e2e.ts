// End-to-end harness: a real sandbox on 127.0.0.1, the app pointed at it through the environment
// (exactly as `npm run sandbox` does for `zapier-platform invoke`), and the full registered app run
// one step at a time as Zapier would. Builds on the unit harness (app.ts) for bundles.
//
// A file runs its cases for both builds with `describe.each(BUILDS)` and `useSandbox({ build })`:
// the harness gives that build's app and a connection to the sandbox as that build stores it.
import nock from 'nock';
import zapier from 'zapier-platform-core';
import { appFor } from '../../app';
import App from '../../index';
import {
  CONNECTION_KINDS,
  kindOfConnection,
  type ConnectionKind,
} from '../../lib/connection/kinds';
import { issuePrivateToken } from '../../sandbox/auth/privateTokens';
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
type AppDefinition = ReturnType<typeof appFor>;

/** The builds of the app (HIGHLEVEL_AUTH), for `describe.each(BUILDS)`. */
export const BUILDS = CONNECTION_KINDS;

export type E2E = {
  sandbox: Sandbox;
  build: ConnectionKind;
  /** The build's app definition, as its bundle registers it. */
  app: AppDefinition;
  appTester: AppTester;
  /** A connection to the default sub-account (Acme Dental). */
  authData: Record<string, string>;
  /** A new connection of this build to a sub-account: OAuth tokens, or a Private Integration Token. */
  connect(locationId?: string): Record<string, string>;
  /** Runs `section.key` of the build's app as one Zap step (with `authData` unless given). */
  run<T = unknown>(
    section: Section,
    key: string,
    inputData?: Record<string, unknown>,
    authData?: Record<string, string>,
  ): Promise<T>;
};

/** The connection Zapier stores for `build` on a sub-account of `sandbox`. */
export const connectionFor = (
  sandbox: Sandbox,
  build: ConnectionKind,
  locationId?: string,
): Record<string, string> => {
  if (build === 'oauth') return connectionOf(sandbox.issueTokens(locationId));
  const issued = issuePrivateToken(sandbox.store, { locationId });
  return { token: issued.token, locationId: issued.locationId! };
};

/**
 * Starts a sandbox for the test file, or for one build's describe block (beforeAll), and stops it
 * (afterAll). `build` picks the app and connection (default: the OAuth build).
 */
export const useSandbox = (options: SandboxOptions & { build?: ConnectionKind } = {}): E2E => {
  const { build = 'oauth', ...sandboxOptions } = options;
  const app = build === 'oauth' ? App : appFor(build);
  const e2e = {
    build,
    app,
    connect: (locationId) => connectionFor(e2e.sandbox, build, locationId),
    run: (section, key, inputData = {}, authData = e2e.authData) =>
      runOperation(e2e.appTester, section, key, authData, inputData, app),
  } as E2E;
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    e2e.sandbox = await startSandbox({ port: 0, ...sandboxOptions });
    process.env.HIGHLEVEL_API_BASE_URL = e2e.sandbox.url;
    process.env.HIGHLEVEL_MARKETPLACE_URL = e2e.sandbox.url;
    process.env.CLIENT_ID = DEFAULT_CLIENT_ID;
    process.env.CLIENT_SECRET = DEFAULT_CLIENT_SECRET;
    e2e.authData = e2e.connect();
    e2e.appTester = zapier.createAppTester(app);
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
  app: AppDefinition = App,
): Promise<T> => {
  const operation = (app[section] as Record<string, Performable> | undefined)?.[key];
  if (!operation) throw new Error(`${section}.${key} is not registered`);
  const bundle = { ...bundleWith(inputData), authData };
  return appTester(operation.operation.perform as never, bundle as never) as Promise<T>;
};

/** The secrets of a connection: the OAuth token pair, or the Private Integration Token. */
export const secretsOf = (authData: Record<string, string>): string[] =>
  kindOfConnection(authData) === 'private-token'
    ? [authData.token!]
    : [authData.access_token!, authData.refresh_token!];

/** What the connection sends as its bearer token. */
export const bearerOf = (authData: Record<string, string>): string => secretsOf(authData)[0]!;

/** A message a user (or Zapier's logs) sees must not carry any token of the connection. */
export const expectNoTokens = (text: string, authData: Record<string, string>): void => {
  for (const token of secretsOf(authData)) {
    expect(token).toBeTruthy();
    expect(text).not.toContain(token);
  }
};

/** An email no seeded or earlier contact has, so a duplicate rule can never be what fails. */
export const uniqueEmail = (label: string): string =>
  `${label.replace(/\W+/g, '-').toLowerCase()}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** A due date two days ahead, as an ISO-8601 string. */
export const dueSoon = (): string => new Date(Date.now() + 2 * 86_400_000).toISOString();
