// `npm start` itself (scripts/demo.ts): its own sandbox, the consent-page connection, the tour,
// the closing summary and the exit code, run in-process with its output captured.
import nock from 'nock';
import { appFor } from '../../app';
import { runDemo } from '../../scripts/demo';
import { instantSteps } from '../../scripts/instantTour';
import { stepsFor, tourSteps } from '../../scripts/tour';

const ENV_KEYS = [
  'HIGHLEVEL_API_BASE_URL',
  'HIGHLEVEL_MARKETPLACE_URL',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'ZAPIER_DEPLOY_KEY',
];
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));
beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterAll(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs the demo; `stray` is whatever reached the console besides the demo's own lines. */
const demo = async (options: Parameters<typeof runDemo>[0] = {}) => {
  const output: string[] = [];
  const stray: string[] = [];
  const spies = (['log', 'info', 'warn', 'error'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args) => {
      stray.push(args.join(' '));
    }),
  );
  try {
    const code = await runDemo({ ...options, print: (text) => output.push(text) });
    const text = output.join('\n');
    const summary = text.slice(text.lastIndexOf('\nSummary'));
    return {
      code,
      text,
      stray,
      summaryLines: summary.split('\n').slice(2, -1),
      totals: output.at(-1)!,
    };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
};

describe('npm start (scripts/demo.ts)', () => {
  it('runs every step against the seed, says so in the summary and exits 0', async () => {
    const { code, text, stray, summaryLines, totals } = await demo();

    expect(code).toBe(0);
    // One summary line per operation run (the connection, each tour step, each instant trigger
    // fired, then turning the instant Zaps off), all passed.
    const lineCount = tourSteps.length + 1 + instantSteps.length + 1;
    expect(summaryLines).toHaveLength(lineCount);
    expect(summaryLines[0]).toMatch(/^ {2}✓ connection +.+ → connected to "Acme Dental"$/);
    tourSteps.forEach((step, index) => {
      expect(summaryLines[index + 1]).toMatch(
        new RegExp(`^ {2}✓ ${step.section}\\.${step.key} +${escape(step.title)} → \\S`),
      );
    });
    instantSteps.forEach((step, index) => {
      expect(summaryLines[tourSteps.length + 1 + index]).toMatch(
        new RegExp(
          `^ {2}✓ triggers\\.${step.key} +instant: ${escape(step.title)} → fired \\d+ ms after the change, 1 result`,
        ),
      );
    });
    expect(summaryLines.at(-1)).toMatch(
      new RegExp(
        `^ {2}✓ relay +turn the instant Zaps off → ${instantSteps.length} unsubscribed, 0 subscription\\(s\\) left at the relay$`,
      ),
    );
    expect(totals).toMatch(new RegExp(`^${lineCount} passed, 0 failed`));
    // The contacts dropdown saved its paging cursor in the stand-in for Zapier's store, so the
    // app logged nothing ("Could not save the dropdown's paging cursor" and the like).
    expect(stray).toEqual([]);
    // What a poll wrote to the Zap's log shows under its step, not loose on the console.
    expect(text).toMatch(
      /✓ .*triggers\.new_contact .*\n {6}Zap log: No polling progress is stored for this Zap/,
    );
  });

  it('tours the Private Integration Token build, connected with a token the sandbox issues', async () => {
    const app = appFor('private-token');
    const steps = stepsFor(app);
    const { code, stray, summaryLines, totals } = await demo({ app });

    expect(code).toBe(0);
    expect(summaryLines).toHaveLength(steps.length + 1);
    expect(summaryLines[0]).toMatch(
      /^ {2}✓ connection +connect with a Private Integration Token → connected to "Acme Dental"$/,
    );
    expect(summaryLines.filter((line) => line.includes('creates.api_request'))).toHaveLength(1);
    expect(totals).toMatch(new RegExp(`^${steps.length + 1} passed, 0 failed`));
    expect(stray).toEqual([]);
  });

  it('exits 1 and names the failed step when HighLevel fails one request', async () => {
    const { code, summaryLines, totals } = await demo({
      faults: [{ method: 'DELETE', path: '/contacts/{contactId}/notes/{id}', status: 500 }],
    });

    expect(code).toBe(1);
    const failed = summaryLines.filter((line) => line.startsWith('  ✗'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^ {2}✗ creates\.delete_note +delete the note → .*HighLevel/);
    expect(totals).toMatch(
      new RegExp(`^${tourSteps.length + instantSteps.length + 1} passed, 1 failed`),
    );
  });
});
