// `npm start`: the whole app against a local HighLevel sandbox, no account needed. Starts the
// sandbox, connects through its OAuth consent page like a Zapier user would, runs the tour of
// every trigger, action and search, and prints one line per operation. Exits 1 if any step failed.
import zapier, { type Bundle } from 'zapier-platform-core';
import App from '../index';
import { SEED } from '../sandbox/seed-data';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, startSandbox } from '../sandbox/server';
import { registeredKeys, runStep, tourSteps, type TourContext } from './tour';

const REDIRECT_URI = 'https://zapier.com/dashboard/auth/oauth/return/HighLevelContactsCLIAPI/';
const MAX_THROTTLED_RETRIES = 3;

type Line = { name: string; ok: boolean; detail: string; ms: number };
type AppTester = ReturnType<typeof zapier.createAppTester>;
type AuthFunction = (z: unknown, bundle: Bundle) => Promise<Record<string, string>>;

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

/** Zapier retries a throttled step after the delay it names; the demo does the same. */
const withThrottling = async <T>(run: () => Promise<T>): Promise<T> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if ((error as Error).name !== 'ThrottledError' || attempt >= MAX_THROTTLED_RETRIES)
        throw error;
      const delay = (JSON.parse((error as Error).message) as { delay?: number }).delay ?? 10;
      console.log(dim(`      rate limited by the sandbox: waiting ${delay} s as Zapier would`));
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

const connect = async (appTester: AppTester, lines: Line[]): Promise<Record<string, string>> => {
  const started = Date.now();
  const { oauth2Config, test } = App.authentication as unknown as {
    oauth2Config: { authorizeUrl: AuthFunction; getAccessToken: AuthFunction };
    test: AuthFunction;
  };
  const state = `demo-${started}`;
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
  const line = {
    name: 'connection',
    ok: true,
    detail: `connected to "${location.name}"`,
    ms: Date.now() - started,
  };
  lines.push(line);
  console.log(`  ${green('✓')} ${line.name.padEnd(44)} ${line.detail}`);
  return authData as Record<string, string>;
};

const summary = (result: unknown): string => {
  const items = Array.isArray(result) ? result : [result];
  const first = (items[0] ?? {}) as Record<string, unknown>;
  const name = first.fullName || first.title || first.name || first.label || first.body || first.id;
  const what = Array.isArray(result)
    ? `${items.length} result${items.length === 1 ? '' : 's'}`
    : 'done';
  return name ? `${what}: ${String(name).slice(0, 48)}` : what;
};

const main = async (): Promise<number> => {
  const sandbox = await startSandbox({ port: 0 });
  process.env.HIGHLEVEL_API_BASE_URL = sandbox.url;
  process.env.HIGHLEVEL_MARKETPLACE_URL = sandbox.url;
  process.env.CLIENT_ID = DEFAULT_CLIENT_ID;
  process.env.CLIENT_SECRET = DEFAULT_CLIENT_SECRET;
  console.log(`HighLevel sandbox on ${sandbox.url}\n`);

  const appTester = zapier.createAppTester(App);
  const lines: Line[] = [];
  try {
    const authData = await connect(appTester, lines);
    const ctx: TourContext = { authData, appointmentContactId: SEED.contacts.janeCooper, ids: {} };
    for (const [index, step] of tourSteps.entries()) {
      const name = `${step.section}.${step.key}`;
      const started = Date.now();
      let line: Line;
      try {
        const result = await withThrottling(() => runStep(appTester, step, ctx));
        const problem = step.check(result, ctx);
        line = {
          name,
          ok: !problem,
          detail: problem ? `unexpected: ${problem}` : summary(result),
          ms: 0,
        };
      } catch (error) {
        line = { name, ok: false, detail: readable(error), ms: 0 };
      }
      line.ms = Date.now() - started;
      lines.push(line);
      const mark = line.ok ? green('✓') : red('✗');
      const counter = dim(`[${String(index + 1).padStart(2)}/${tourSteps.length}]`);
      console.log(
        `  ${mark} ${counter} ${name.padEnd(38)} ${step.title} ${dim(`— ${line.detail} (${line.ms} ms)`)}`,
      );
    }
    const covered = new Set(tourSteps.map((step) => `${step.section}.${step.key}`));
    for (const key of registeredKeys().filter((registered) => !covered.has(registered))) {
      lines.push({ name: key, ok: false, detail: 'registered but not in the tour', ms: 0 });
    }
  } catch (error) {
    lines.push({ name: 'connection', ok: false, detail: readable(error), ms: 0 });
  } finally {
    await sandbox.close();
  }

  const failed = lines.filter((line) => !line.ok);
  console.log(`\nSummary: ${lines.length - failed.length} passed, ${failed.length} failed`);
  for (const line of failed) console.log(`  ${red('✗')} ${line.name}: ${line.detail}`);
  console.log(
    dim(
      `Requests went to the local sandbox only; ${registeredKeys().length} operations registered.`,
    ),
  );
  return failed.length === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(red(`The demo could not run: ${readable(error)}`));
    process.exit(1);
  },
);
