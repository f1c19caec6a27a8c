// `npm start`: the whole app against a local HighLevel sandbox, no account needed. Starts the
// sandbox, connects like a Zapier user would (through its OAuth consent page, or with a Private
// Integration Token the sandbox issues, for `HIGHLEVEL_AUTH=private-token npm start`), runs the
// tour of every trigger, action and search, then (in the OAuth build) fires each instant trigger
// from a change in the sandbox, with the time from the change to the hook. Prints one line per
// operation as it goes, then a summary of every operation's outcome. Exits 1 if any step failed.
import { type Bundle } from 'zapier-platform-core';
import App from '../index';
import { issuePrivateToken } from '../sandbox/auth/privateTokens';
import type { Fault } from '../sandbox/faults';
import { SEED } from '../sandbox/seedData';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  startSandbox,
  type Sandbox,
} from '../sandbox/server';
import type { Store } from '../sandbox/store';
import { instantSteps, runInstantTour, type Firing } from './instantTour';
import { registeredKeys, runStep, stepsFor, tourSteps, type TourContext } from './tour';
import { createZapierRunner, type AppTester } from './zapierRunner';

const REDIRECT_URI = 'https://zapier.com/dashboard/auth/oauth/return/HighLevelContactsCLIAPI/';
const MAX_THROTTLED_RETRIES = 3;

/** One operation run: `name` is section.key, `title` what the step does, `detail` its outcome. */
type Line = { name: string; title: string; ok: boolean; detail: string; ms: number };
type AuthFunction = (z: unknown, bundle: Bundle) => Promise<Record<string, string>>;
type Print = (text: string) => void;

/** Progress lines align their titles: the widest step name, after a `[ 1/46] ` counter. */
const NAME_WIDTH = Math.max(...tourSteps.map((step) => `${step.section}.${step.key}`.length));
const COUNTER_WIDTH = `[${tourSteps.length}/${tourSteps.length}] `.length;

/** Either build of the app (app.ts); `npm start` runs the one `npm run build` made. */
type DemoApp = typeof App;

export type DemoOptions = {
  /** The app to tour (default: the built one, whose connection HIGHLEVEL_AUTH chose). */
  app?: DemoApp;
  /** Where the demo's lines go (default: stdout). */
  print?: Print;
  /** Failures the sandbox injects, to see the demo report a failed step (and exit 1). */
  faults?: Fault[];
};

const color = (code: number) => (text: string) =>
  process.stdout.isTTY ? `\u001b[${code}m${text}\u001b[0m` : text;
const green = color(32);
const red = color(31);
const dim = color(2);

/** What a user sees of a Zapier error: the message inside core's JSON wrapper. */
const readable = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(message) as { message?: string }).message ?? message;
  } catch {
    return message;
  }
};

/**
 * What the app writes to the Zap's log (z.console) core also prints to the console. The demo
 * holds those lines back and shows each under the step that wrote it, as Zapier's Zap history
 * shows a run's log with the run.
 */
const holdZapLog = () => {
  const held: string[] = [];
  const methods = ['log', 'info', 'warn', 'error'] as const;
  const originals = methods.map((method) => console[method]);
  for (const method of methods) {
    console[method] = (...args: unknown[]) => {
      held.push(args.map(String).join(' ').trimEnd());
    };
  }
  return {
    /** Prints what was held since the last call, dimmed and indented under the last line. */
    flush: (print: Print) => {
      for (const line of held.splice(0)) print(dim(`      Zap log: ${line}`));
    },
    restore: () => methods.forEach((method, index) => (console[method] = originals[index]!)),
  };
};

/** Zapier retries a throttled step after the delay it names; the demo does the same. */
const withThrottling = async <T>(run: () => Promise<T>, print: Print): Promise<T> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if ((error as Error).name !== 'ThrottledError' || attempt >= MAX_THROTTLED_RETRIES)
        throw error;
      const delay = (JSON.parse((error as Error).message) as { delay?: number }).delay ?? 10;
      print(dim(`      rate limited by the sandbox: waiting ${delay} s as Zapier would`));
      await new Promise((resolve) => setTimeout(resolve, delay * 1000));
    }
  }
};

/** The consent page: read its form, approve the first location, follow the redirect's code. */
const approveOnConsentPage = async (authorizeUrl: string, state: string): Promise<string> => {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!page.ok || !action) throw new Error(`the consent page did not load (HTTP ${page.status})`);
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)"/g,
  )) {
    form.set(
      name as string,
      (value as string).replace(/&#(\d+);/g, (_m, code) => String.fromCharCode(Number(code))),
    );
  }
  const location = /<input type="radio" name="locationId" value="([^"]+)"/.exec(html)?.[1];
  if (!location) throw new Error('the consent page offered no location');
  form.set('locationId', location);
  const approved = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const back = new URL(approved.headers.get('location') ?? '', REDIRECT_URI);
  if (back.searchParams.get('state') !== state)
    throw new Error('the redirect lost the OAuth state');
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`approving did not return a code (HTTP ${approved.status})`);
  return code;
};

/** The token build: a Private Integration Token the sandbox issues, and the Location ID. */
const connectWithToken = async (appTester: AppTester, app: DemoApp, store: Store) => {
  const { token, locationId } = issuePrivateToken(store);
  const authData = { token, locationId: locationId ?? '' };
  const { test } = app.authentication as unknown as { test: AuthFunction };
  const location = (await appTester(test as never, { authData } as never)) as { name?: string };
  return { authData, location };
};

/** The OAuth build: the consent page, the code exchange, then the connection test. */
const connectThroughConsent = async (appTester: AppTester, app: DemoApp) => {
  const { oauth2Config, test } = app.authentication as unknown as {
    oauth2Config: { authorizeUrl: AuthFunction; getAccessToken: AuthFunction };
    test: AuthFunction;
  };
  const state = `demo-${Date.now()}`;
  const authorizeUrl = (await appTester(
    oauth2Config.authorizeUrl as never,
    {
      inputData: { redirect_uri: REDIRECT_URI, state },
    } as never,
  )) as unknown as string;
  const code = await approveOnConsentPage(authorizeUrl, state);
  const authData = await appTester(
    oauth2Config.getAccessToken as never,
    {
      inputData: { code, redirect_uri: REDIRECT_URI },
    } as never,
  );
  const location = (await appTester(test as never, { authData } as never)) as { name?: string };
  return { authData: authData as Record<string, string>, location };
};

const usesToken = (app: DemoApp): boolean => app.authentication?.type === 'custom';
const connectionTitle = (app: DemoApp): string =>
  usesToken(app) ? 'connect with a Private Integration Token' : 'connect through the consent page';

const connect = async (
  appTester: AppTester,
  app: DemoApp,
  store: Store,
  lines: Line[],
  print: Print,
): Promise<Record<string, string>> => {
  const started = Date.now();
  const { authData, location } = usesToken(app)
    ? await connectWithToken(appTester, app, store)
    : await connectThroughConsent(appTester, app);
  const line = {
    name: 'connection',
    title: connectionTitle(app),
    ok: true,
    detail: `connected to "${location.name}"`,
    ms: Date.now() - started,
  };
  lines.push(line);
  print(`  ${green('✓')} ${line.name.padEnd(COUNTER_WIDTH + NAME_WIDTH)} ${line.detail}`);
  return authData;
};

const nameOf = (item: unknown): string => {
  const record = (item ?? {}) as Record<string, unknown>;
  const name = record.fullName || record.title || record.name || record.label || record.body;
  return name ? String(name).slice(0, 48) : '';
};

/** A few words on what a step returned: how many results, or what a write did and to what. */
const outcomeOf = (result: unknown): string => {
  if (Array.isArray(result)) {
    const first = nameOf(result[0]);
    return `${result.length} result${result.length === 1 ? '' : 's'}${first ? `, first: ${first}` : ''}`;
  }
  const record = (result ?? {}) as Record<string, unknown>;
  if (nameOf(record)) return nameOf(record);
  if (typeof record.contactCount === 'number') return `${record.contactCount} contact(s) changed`;
  if (Array.isArray(record.tags)) return `tags now: ${record.tags.join(', ') || 'none'}`;
  if (Array.isArray(record.followers)) return `${record.followers.length} follower(s) now`;
  if (typeof record.status === 'number') return `HTTP ${record.status}`; // an API Request
  const flag = ['deleted', 'added', 'removed'].find((key) => record[key] === true);
  return flag ?? 'done';
};

/** The closing summary: every operation with its outcome, one compact line each, then totals. */
const printSummary = (lines: Line[], app: DemoApp, print: Print): void => {
  const failed = lines.filter((line) => !line.ok);
  const width = Math.max(...lines.map((line) => line.name.length));
  print('\nSummary');
  for (const line of lines) {
    const outcome = `${line.title} → ${line.detail}`;
    print(
      `  ${line.ok ? green('✓') : red('✗')} ${line.name.padEnd(width)}  ${line.ok ? outcome : red(outcome)}`,
    );
  }
  print(
    `${lines.length - failed.length} passed, ${failed.length} failed` +
      dim(
        ` · requests went to the local sandbox only; ${registeredKeys(app).length} operations registered`,
      ),
  );
};

/**
 * The instant triggers through the webhook relay: a Zap turned on for each (its hook URL
 * subscribed at a local relay), then each firing from a change in the sandbox, with the time from
 * the change to the hook, then the Zaps turned off and the relay checked for leftovers.
 */
const runInstants = async (
  appTester: AppTester,
  app: DemoApp,
  sandbox: Sandbox,
  authData: Record<string, string>,
  lines: Line[],
  print: Print,
  zapLog: ReturnType<typeof holdZapLog>,
): Promise<void> => {
  // The Private Integration Token build has no instant triggers: HighLevel sends it no webhooks.
  if (!instantSteps.every((step) => app.triggers?.[step.key as keyof typeof app.triggers])) return;
  print(
    `\nInstant triggers: ${instantSteps.length} Zaps turned on at a local webhook relay; each change in the sandbox, and its webhook at the Zap's hook URL`,
  );
  const printLine = (line: Line, counter: string) =>
    print(
      `  ${line.ok ? green('✓') : red('✗')} ${counter} ${line.name.padEnd(NAME_WIDTH)} ${line.title} ${dim(`— ${line.detail}`)}`,
    );
  let index = 0;
  const { zaps, leftAtRelay, problem } = await runInstantTour(
    appTester,
    app,
    sandbox,
    authData,
    ({ step, items, latencyMs, problem: unexpected }: Firing) => {
      index += 1;
      const line: Line = {
        name: `triggers.${step.key}`,
        title: `instant: ${step.title}`,
        ok: !unexpected,
        detail: unexpected
          ? `unexpected: ${readable(unexpected)}`
          : `fired ${latencyMs} ms after the change, ${outcomeOf(items)}`,
        ms: latencyMs,
      };
      lines.push(line);
      printLine(line, dim(`[${String(index).padStart(2)}/${instantSteps.length}]`));
      zapLog.flush(print);
    },
  );
  const off: Line = {
    name: 'relay',
    title: 'turn the instant Zaps off',
    ok: !problem && leftAtRelay === 0,
    detail: problem
      ? `unexpected: ${readable(problem)}`
      : `${zaps} unsubscribed, ${leftAtRelay} subscription(s) left at the relay`,
    ms: 0,
  };
  lines.push(off);
  printLine(off, ' '.repeat(`[${instantSteps.length}/${instantSteps.length}]`.length));
};

/** Runs the whole demo against a fresh sandbox; resolves to the exit code (0: every step passed). */
export const runDemo = async ({
  app = App,
  print = (text) => process.stdout.write(`${text}\n`),
  faults = [],
}: DemoOptions = {}): Promise<number> => {
  const zapLog = holdZapLog();
  try {
    return await tourAll(app, print, faults, zapLog);
  } finally {
    zapLog.restore();
  }
};

const tourAll = async (
  app: DemoApp,
  print: Print,
  faults: Fault[],
  zapLog: ReturnType<typeof holdZapLog>,
): Promise<number> => {
  const sandbox = await startSandbox({ port: 0 });
  process.env.HIGHLEVEL_API_BASE_URL = sandbox.url;
  process.env.HIGHLEVEL_MARKETPLACE_URL = sandbox.url;
  process.env.CLIENT_ID = DEFAULT_CLIENT_ID;
  process.env.CLIENT_SECRET = DEFAULT_CLIENT_SECRET;
  for (const fault of faults) sandbox.injectFault(fault);
  print(`HighLevel sandbox on ${sandbox.url}\n`);

  // Core's own app tester has no z.cursor store: this runner gives the paging dropdowns the
  // sandbox's stand-in for Zapier's, so they save their cursor as they would on Zapier.
  const appTester = createZapierRunner(app, { rpcUrl: sandbox.zapierRpcUrl });
  const steps = stepsFor(app);
  const lines: Line[] = [];
  try {
    const authData = await connect(appTester, app, sandbox.store, lines, print);
    zapLog.flush(print);
    const ctx: TourContext = {
      app,
      authData,
      appointmentContactId: SEED.contacts.janeCooper,
      ids: {},
      sandbox: sandbox.store,
    };
    for (const [index, step] of steps.entries()) {
      const name = `${step.section}.${step.key}`;
      const started = Date.now();
      let line: Line;
      try {
        const result = await withThrottling(() => runStep(appTester, step, ctx), print);
        const problem = step.check(result, ctx);
        line = {
          name,
          title: step.title,
          ok: !problem,
          detail: problem ? `unexpected: ${problem}` : outcomeOf(result),
          ms: 0,
        };
      } catch (error) {
        line = { name, title: step.title, ok: false, detail: readable(error), ms: 0 };
      }
      line.ms = Date.now() - started;
      lines.push(line);
      const mark = line.ok ? green('✓') : red('✗');
      const counter = dim(`[${String(index + 1).padStart(2)}/${steps.length}]`);
      print(
        `  ${mark} ${counter} ${name.padEnd(NAME_WIDTH)} ${step.title} ${dim(`— ${line.detail} (${line.ms} ms)`)}`,
      );
      zapLog.flush(print);
    }
    await runInstants(appTester, app, sandbox, authData, lines, print, zapLog);
    const covered = new Set(steps.map((step) => `${step.section}.${step.key}`));
    for (const key of registeredKeys(app).filter((registered) => !covered.has(registered))) {
      lines.push({ name: key, title: 'no tour step', ok: false, detail: 'not run', ms: 0 });
    }
  } catch (error) {
    lines.push({
      name: 'connection',
      title: connectionTitle(app),
      ok: false,
      detail: readable(error),
      ms: 0,
    });
  } finally {
    await sandbox.close();
  }

  zapLog.flush(print);
  printSummary(lines, app, print);
  return lines.every((line) => line.ok) ? 0 : 1;
};

if (require.main === module) {
  runDemo().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(red(`The demo could not run: ${readable(error)}`));
      process.exit(1);
    },
  );
}
