// HighLevel failing in every way it can, injected at the sandbox, for a read and two writes: each
// step fails the way Zapier needs (error kind, readable message, no token in it), sends its request
// exactly once, and a failed write leaves nothing behind. Then the real burst limit, over HTTP. Both
// builds run every case; where a refusal reads differently for a Private Integration Token, each
// build's own message is asserted.
import type { Fault } from '../../sandbox/faults';
import { DEFAULT_RATE_LIMIT } from '../../sandbox/rateLimit';
import { SEED } from '../../sandbox/seedData';
import { failureOf, type ZapierFailure } from '../support/app';
import {
  bearerOf,
  BUILDS,
  dueSoon,
  expectNoTokens,
  secretsOf,
  uniqueEmail,
  useSandbox,
} from '../support/e2e';

const acme = SEED.locations.acme;
const jane = SEED.contacts.janeCooper;
const TIMEOUT_MS = 300;

type Step = {
  name: string;
  method: 'GET' | 'POST';
  /** The one HighLevel endpoint the step calls (and the fault is injected on). */
  path: string;
  /** What a 404 on that endpoint must name. */
  notFound: RegExp;
  /** Records the step would add, for writes. */
  records?: () => number;
  run: () => Promise<unknown>;
};

const RETRY_HINT = /This is usually temporary: the step can be retried\.$/;
// HighLevel may have made the change: retrying blindly could do it twice.
const CHECK_FIRST_HINT =
  /Check in HighLevel whether the change was made before retrying the step, so that nothing is done twice\.$/;

type Scenario = {
  /** What the sandbox answers; a function when it needs the connection's tokens. */
  fault: Omit<Fault, 'method' | 'path'> | (() => Omit<Fault, 'method' | 'path'>);
  expected: (step: Step) => Omit<Partial<ZapierFailure>, 'message'> & { message?: RegExp };
  /**
   * The message must say what to do next: a read can be retried; after a write HighLevel may
   * have made the change, so the user is asked to check first.
   */
  hint?: true;
};

describe.each(BUILDS)('the %s build', (build) => {
  const e2e = useSandbox({ build });
  const readTasks: Step = {
    name: 'New Task (read)',
    method: 'GET',
    path: `/contacts/${jane}/tasks`,
    notFound: new RegExp(`could not find the contact "${jane}"`),
    run: () => e2e.run('triggers', 'new_task', { contactId: jane }),
  };

  const createTask: Step = {
    name: 'Create Task (write)',
    method: 'POST',
    path: `/contacts/${jane}/tasks`,
    notFound: new RegExp(`could not find the contact "${jane}"`),
    records: () => e2e.sandbox.store.tasks.size,
    run: () =>
      e2e.run('creates', 'create_task', {
        contactId: jane,
        title: 'Call back about the whitening offer',
        dueDate: dueSoon(),
      }),
  };

  const createContact: Step = {
    name: 'Create Contact (write)',
    method: 'POST',
    path: '/contacts/',
    // POST /contacts/ has no id in its path, so the app can only repeat what HighLevel said.
    notFound: /could not find what this step asked for \(Contact not found\)/,
    records: () => e2e.sandbox.store.countContacts(acme),
    run: () =>
      e2e.run('creates', 'create_contact', {
        firstName: 'Grace',
        lastName: 'Hopper',
        email: uniqueEmail('grace hopper'),
      }),
  };

  const steps = [readTasks, createTask, createContact];

  const scenarios: Record<string, Scenario> = {
    '400 Bad Request': {
      fault: { status: 400, body: { statusCode: 400, message: 'The request is invalid' } },
      expected: () => ({
        name: 'AppError',
        status: 400,
        message: /^HighLevel rejected the request: The request is invalid\.$/,
      }),
    },
    '400 whose message echoes the tokens': {
      fault: () => ({
        status: 400,
        body: {
          statusCode: 400,
          message: `jwt malformed: ${secretsOf(e2e.authData).join(' / ')}`,
        },
      }),
      expected: () => ({
        name: 'AppError',
        status: 400,
        message: new RegExp(
          `^HighLevel rejected the request: jwt malformed: ${secretsOf(e2e.authData)
            .map(() => '\\[redacted\\]')
            .join(' / ')}\\.$`,
        ),
      }),
    },
    '401 Unauthorized': {
      fault: { status: 401 },
      // OAuth refreshes its access token; a Private Integration Token never expires by itself.
      expected: () =>
        build === 'oauth'
          ? { name: 'RefreshAuthError' }
          : { name: 'ExpiredAuthError', message: /rotated or deleted in HighLevel/ },
    },
    '403 Forbidden': {
      fault: {
        status: 403,
        body: { statusCode: 403, message: 'The token does not have access to this location.' },
      },
      expected: () => ({
        name: 'AppError',
        code: 'forbidden',
        status: 403,
        message:
          build === 'oauth'
            ? /no access to that sub-account \(location\)/
            : new RegExp(`does not belong to the sub-account with Location ID "${acme}"`),
      }),
    },
    '404 Not Found': {
      fault: { status: 404, body: { statusCode: 404, message: 'Contact not found' } },
      expected: (step) => ({ name: 'AppError', code: 'not_found', message: step.notFound }),
    },
    '422 Unprocessable Entity': {
      fault: {
        status: 422,
        body: {
          statusCode: 422,
          message: ['title must be a string', 'dueDate must be a valid ISO 8601 date string'],
          error: 'Unprocessable Entity',
        },
      },
      expected: () => ({
        name: 'AppError',
        status: 422,
        message:
          /^HighLevel rejected the request: title must be a string\. dueDate must be a valid ISO 8601 date string\.$/,
      }),
    },
    '429 without rate-limit headers': {
      fault: { status: 429 },
      expected: () => ({ name: 'ThrottledError', delay: 10, message: /rate limit.*will retry/ }),
    },
    '429 with X-RateLimit-Interval-Milliseconds': {
      fault: { status: 429, headers: { 'X-RateLimit-Interval-Milliseconds': '4000' } },
      expected: () => ({ name: 'ThrottledError', delay: 4, message: /rate limit.*will retry/ }),
    },
    '429 with the daily quota spent': {
      fault: {
        status: 429,
        headers: {
          'X-RateLimit-Limit-Daily': '200000',
          'X-RateLimit-Daily-Remaining': '0',
          'X-RateLimit-Interval-Milliseconds': '10000',
        },
      },
      expected: () => ({
        name: 'ThrottledError',
        message:
          /^HighLevel's daily request limit for this sub-account \(200,000 requests a day\) is used up\./,
      }),
    },
    '422 with validator objects': {
      fault: {
        status: 422,
        body: {
          statusCode: 422,
          message: [{ property: 'title', constraints: { isString: 'title must be a string' } }],
          error: { message: 'Unprocessable Entity' },
        },
      },
      expected: () => ({
        name: 'AppError',
        status: 422,
        message: /^HighLevel rejected the request: title must be a string\.$/,
      }),
    },
    '200 without its wrapper key': {
      fault: { status: 200, body: { data: {} } },
      expected: (step) => ({
        name: 'AppError',
        code: 'unexpected_response',
        message: step.records
          ? CHECK_FIRST_HINT
          : /^HighLevel sent a response this app did not expect \(no "tasks" in it, only "data"\), so the result of this step is unknown\. The step can be retried/,
      }),
    },
    '500 Internal Server Error': {
      fault: { status: 500 },
      expected: () => ({ name: 'AppError', status: 500, message: /\(HTTP 500\)/ }),
      hint: true,
    },
    '502 Bad Gateway': {
      fault: { status: 502 },
      expected: () => ({ name: 'AppError', status: 502, message: /\(HTTP 502\)/ }),
      hint: true,
    },
    '503 Service Unavailable': {
      fault: { status: 503 },
      expected: () => ({ name: 'AppError', status: 503, message: /\(HTTP 503\)/ }),
      hint: true,
    },
    // The answer (a 504) comes after the app gave up, and HighLevel never applied the request.
    'no answer before the timeout': {
      fault: { status: 504, delayMs: TIMEOUT_MS * 3 },
      expected: () => ({
        name: 'AppError',
        code: 'network_error',
        message: /^Could not reach HighLevel \(.*timeout.*\)\./,
      }),
      hint: true,
    },
    'malformed JSON': {
      fault: { status: 200, body: 'malformed' },
      expected: () => ({
        name: 'AppError',
        code: 'unreadable_response',
        message: /unreadable \(not JSON\) response \(HTTP 200\)/,
      }),
      hint: true,
    },
    'an empty body': {
      fault: { status: 200, body: 'empty' },
      expected: () => ({
        name: 'AppError',
        code: 'unreadable_response',
        message: /an empty response \(HTTP 200\)/,
      }),
      hint: true,
    },
  };

  const table = steps.flatMap((step) =>
    Object.entries(scenarios).map(([label, scenario]) => ({
      name: step.name,
      label,
      step,
      scenario,
    })),
  );

  const requestsOf = (step: Step) =>
    e2e.sandbox.requests.filter((r) => r.method === step.method && r.path === step.path);

  /** Waits until the sandbox has logged `count` requests of the step (a delayed one logs late). */
  const settled = async (step: Step, count: number): Promise<void> => {
    for (let waited = 0; waited < 5000 && requestsOf(step).length < count; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /** The app gives up on a request after TIMEOUT_MS (until afterEach restores the default). */
  const shortenTimeout = () => {
    process.env.HIGHLEVEL_REQUEST_TIMEOUT_MS = String(TIMEOUT_MS);
  };

  describe('HighLevel failures, injected at the sandbox', () => {
    beforeAll(() => {
      // The sandbox adds its X-RateLimit-* headers to every answer, faults included; with the limit
      // off, an injected 429 carries only the headers the case gives it.
      e2e.sandbox.setRateLimit(false);
    });
    afterAll(() => e2e.sandbox.setRateLimit(DEFAULT_RATE_LIMIT));
    beforeEach(() => {
      e2e.sandbox.clearFaults();
      e2e.sandbox.resetRequestLog();
    });
    afterEach(() => {
      delete process.env.HIGHLEVEL_REQUEST_TIMEOUT_MS;
      e2e.sandbox.clearFaults();
    });

    it.each(steps)(
      '$name succeeds without a fault (the baseline the cases break)',
      async (step) => {
        const before = step.records?.();
        await expect(step.run()).resolves.toBeDefined();
        expect(requestsOf(step)).toHaveLength(1);
        expect(requestsOf(step)[0]?.status).toBeLessThan(300);
        if (before !== undefined) expect(step.records?.()).toBe(before + 1);
      },
    );

    it.each(table)('$name: $label', async ({ step, scenario, label }) => {
      const before = step.records?.();
      const fault = typeof scenario.fault === 'function' ? scenario.fault() : scenario.fault;
      if (fault.delayMs) shortenTimeout();
      e2e.sandbox.injectFault({ method: step.method, path: step.path, ...fault });

      const failure = await failureOf(step.run());

      const { message, ...rest } = scenario.expected(step);
      expect(failure).toMatchObject(rest);
      if (message) expect(failure.message).toMatch(message);
      if (scenario.hint) {
        const write = step.records !== undefined;
        const hint = write ? CHECK_FIRST_HINT : RETRY_HINT;
        expect(failure.message).toMatch(hint);
      }
      if (failure.name === 'ThrottledError') expect(failure.delay).toBeGreaterThan(0);
      // Not the 10-second burst delay: a spent daily quota does not come back that soon.
      if (/daily quota/.test(label)) expect(failure.delay).toBeGreaterThanOrEqual(60);
      expectNoTokens(failure.message, e2e.authData);

      // Sent once, never retried behind the user's back; the sandbox applied nothing.
      await settled(step, 1);
      expect(requestsOf(step).map((r) => r.status)).toEqual([fault.status]);
      if (before !== undefined) expect(step.records?.()).toBe(before);
    });

    it('answers a 404 on Find Contact by ID with no result rather than an error', async () => {
      e2e.sandbox.injectFault({ method: 'GET', path: '/contacts/{contactId}', status: 404 });
      const found = await e2e.run('searches', 'get_contact', {
        contactId: jane,
      });
      expect(found).toEqual([]);
    });

    it('sends a write that timed out only once: when HighLevel finishes it, there is one record', async () => {
      const before = createContact.records!();
      shortenTimeout();
      // Only a delay: the sandbox applies the request after the app has stopped waiting.
      e2e.sandbox.injectFault({ method: 'POST', path: '/contacts/', delayMs: TIMEOUT_MS * 3 });

      const failure = await failureOf(createContact.run());
      expect(failure).toMatchObject({ name: 'AppError', code: 'network_error' });

      await settled(createContact, 1);
      expect(requestsOf(createContact)).toHaveLength(1);
      expect(requestsOf(createContact)[0]?.status).toBe(201);
      expect(createContact.records!()).toBe(before + 1);
    });
  });

  describe("HighLevel's burst limit, for real", () => {
    const newTasks = () => e2e.run('triggers', 'new_task', { contactId: jane });
    afterEach(() => e2e.sandbox.setRateLimit(DEFAULT_RATE_LIMIT));

    it('throttles the 4th step of a 3-per-10 s window, with the delay HighLevel reports', async () => {
      e2e.sandbox.setRateLimit({ max: 3, windowMs: 10_000 });
      e2e.sandbox.resetRequestLog();
      for (let i = 0; i < 3; i += 1) await expect(newTasks()).resolves.not.toEqual([]);

      const failure = await failureOf(newTasks());
      expect(failure).toMatchObject({ name: 'ThrottledError', delay: 10 });
      expect(failure.message).toMatch(/rate limit/);
      expectNoTokens(failure.message, e2e.authData);
      expect(e2e.sandbox.requests.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    });

    it('refuses the 101st request of a burst at the default 100 per 10 s, and the app maps it', async () => {
      e2e.sandbox.setRateLimit(DEFAULT_RATE_LIMIT);
      e2e.sandbox.resetRequestLog();
      const burst = await Promise.all(
        Array.from({ length: 100 }, () =>
          fetch(`${e2e.sandbox.url}/contacts/${jane}`, {
            headers: {
              Authorization: `Bearer ${bearerOf(e2e.authData)}`,
              Version: '2021-07-28',
            },
          }),
        ),
      );
      expect(burst.map((response) => response.status)).toEqual(Array(100).fill(200));
      const remaining = burst.map((r) => Number(r.headers.get('x-ratelimit-remaining')));
      expect(Math.min(...remaining)).toBe(0);
      await Promise.all(burst.map((response) => response.arrayBuffer()));

      const failure = await failureOf(newTasks());
      expect(failure).toMatchObject({ name: 'ThrottledError', delay: 10 });
      expect(e2e.sandbox.requests.map((r) => r.status)).toEqual([...Array(100).fill(200), 429]);
      expect(e2e.sandbox.requests.at(-1)?.path).toBe(`/contacts/${jane}/tasks`);
    });
  });
});
