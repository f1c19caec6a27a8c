// A sandbox on 127.0.0.1 with the compiled app pointed at it through the environment, exactly as
// `npm run sandbox` does for `zapier-platform invoke`. Every measurement starts its own, so the
// data one leaves behind (bursts stay "recent" for 30 min) cannot change another's figures.
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../index';
import {
  connectionOf,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  startSandbox,
  type Sandbox,
  type SandboxOptions,
} from '../sandbox/server';
import type { RequestLogEntry } from '../sandbox/requestLog';

export type AuthData = Record<string, string>;
type Perform = (z: ZObject, bundle: Bundle) => unknown;
type Section = 'triggers' | 'creates' | 'searches';
type AppShape = Record<Section, Record<string, { operation: { perform: Perform } }>>;

export interface RunOptions {
  inputData?: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

export interface Harness {
  sandbox: Sandbox;
  authData: AuthData;
  /** Runs one operation through Zapier core's full pipeline, keeping z.cache between runs. */
  run(section: Section, key: string, options?: RunOptions): Promise<unknown>;
  /**
   * The same, through a copy of the app that registers only this operation (same connection and
   * middleware): core prepares the whole app definition on every call, so comparing the two
   * shows what the size of the definition costs per call.
   */
  runAlone(section: Section, key: string, options?: RunOptions): Promise<unknown>;
  close(): Promise<void>;
}

/** What Zapier sends with an ordinary poll or action (not a sample, dropdown or dedupe fill). */
export const ZAP_META = {
  isLoadingSample: false,
  isFillingDynamicDropdown: false,
  isPopulatingDedupe: false,
  isTestingAuth: false,
  limit: -1,
  page: 0,
};

// Outside of tests, core logs one "ZID: … RSSMEM: {…}" line per invocation (memory-checker.js),
// as it does on Zapier's servers. The bench keeps core's production behaviour but drops that line,
// which would bury the table.
const coreLog = console.log.bind(console);
console.log = (...args: unknown[]) => {
  if (args[0] !== 'ZID:') coreLog(...args);
};

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, ...options });
  process.env.HIGHLEVEL_API_BASE_URL = sandbox.url;
  process.env.HIGHLEVEL_MARKETPLACE_URL = sandbox.url;
  process.env.CLIENT_ID = DEFAULT_CLIENT_ID;
  process.env.CLIENT_SECRET = DEFAULT_CLIENT_SECRET;
  const authData = connectionOf(sandbox.issueTokens());
  const app = App as unknown as AppShape;
  const appTester = zapier.createAppTester(app);
  const aloneTesters = new Map<string, ReturnType<typeof zapier.createAppTester>>();

  const operationOf = (section: Section, key: string) => {
    const operation = app[section]?.[key];
    if (!operation) throw new Error(`${section}.${key} is not registered in index.ts`);
    return operation;
  };

  const runWith =
    (testerFor: (section: Section, key: string) => ReturnType<typeof zapier.createAppTester>) =>
    (section: Section, key: string, { inputData = {}, meta = {} }: RunOptions = {}) =>
      // The third argument `false` keeps the z.cache test store between runs, as Zapier's real
      // cache persists between polls of a connection (create-app-tester.js, clearZcacheBeforeUse).
      testerFor(section, key)(
        operationOf(section, key).operation.perform,
        { authData, inputData, meta: { ...ZAP_META, ...meta } },
        false,
      );

  const aloneTester = (section: Section, key: string) => {
    const id = `${section}.${key}`;
    let tester = aloneTesters.get(id);
    if (!tester) {
      const only = { triggers: {}, creates: {}, searches: {}, searchOrCreates: {} };
      tester = zapier.createAppTester({
        ...app,
        ...only,
        [section]: { [key]: operationOf(section, key) },
      });
      aloneTesters.set(id, tester);
    }
    return tester;
  };

  return {
    sandbox,
    authData,
    run: runWith(() => appTester),
    runAlone: runWith(aloneTester),
    close: () => sandbox.close(),
  };
}

/** Requests logged since `from` (an index into sandbox.requests), optionally for one path. */
export const requestsSince = (
  sandbox: Sandbox,
  from: number,
  matches: (entry: RequestLogEntry) => boolean = () => true,
): RequestLogEntry[] => sandbox.requests.slice(from).filter(matches);

export const isContactSearch = (entry: RequestLogEntry): boolean =>
  entry.method === 'POST' && entry.path === '/contacts/search';
