// Delivery like HighLevel's (only a 429 is retried, with the identical request; a 5xx or a timeout
// loses the event), in order and in the background, and the faults a receiver must survive.
import { startSandbox, Sandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
import { Call, client } from './helpers';
import { Receiver, startReceiver, verifySignatures } from './webhookReceiver';

const acme = SEED.locations.acme;

let receiver: Receiver;
let sandbox: Sandbox;
let call: Call;
let admin: Call;

beforeAll(async () => {
  receiver = await startReceiver();
  sandbox = await startSandbox({
    rateLimit: false,
    webhookUrl: receiver.url,
    webhooks: { retryDelayMs: 5, retryJitterMs: 2, timeoutMs: 300 },
  });
  call = client(sandbox, sandbox.issueTokens().access_token);
  admin = client(sandbox);
});
beforeEach(async () => {
  await sandbox.webhooks.idle();
  receiver.received.length = 0;
  receiver.answers.length = 0;
  sandbox.webhooks.clearLog();
  sandbox.webhooks.clearFaults();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/** One contact, one ContactCreate webhook; returns the email that identifies it. */
async function createContact(): Promise<string> {
  const email = `d-${Math.random().toString(36).slice(2)}@example.com`;
  expect((await call('POST', '/contacts/', { locationId: acme, email })).status).toBe(201);
  return email;
}

const emails = (): string[] => receiver.received.map((r) => r.body.email as string);

describe('retries', () => {
  it('retries a 429 with the identical body and headers until the receiver accepts', async () => {
    receiver.answers.push(429, 429, 429);
    await createContact();
    await sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(4);
    const [first, ...retries] = receiver.received;
    for (const retry of retries) {
      expect(retry.raw).toBe(first!.raw);
      expect(retry.headers['x-ghl-signature']).toBe(first!.headers['x-ghl-signature']);
      expect(retry.headers['x-wh-signature']).toBe(first!.headers['x-wh-signature']);
    }
    expect(sandbox.webhooks.log.map((e) => [e.attempt, e.status, e.outcome])).toEqual([
      [0, 429, 'retrying'],
      [1, 429, 'retrying'],
      [2, 429, 'retrying'],
      [3, 200, 'delivered'],
    ]);
  });

  it('gives up after 6 retries', async () => {
    receiver.answers.push(...Array<number>(10).fill(429));
    await createContact();
    await sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(7);
    expect(sandbox.webhooks.log.at(-1)).toMatchObject({ attempt: 6, status: 429, outcome: 'lost' });
  });

  it('loses an event answered with a 500, and goes on with the next', async () => {
    receiver.answers.push(500);
    const lost = await createContact();
    const next = await createContact();
    await sandbox.webhooks.idle();
    expect(emails()).toEqual([lost, next]);
    expect(sandbox.webhooks.log.map((e) => [e.status, e.outcome])).toEqual([
      [500, 'lost'],
      [200, 'delivered'],
    ]);
  });

  it('loses an event whose receiver does not answer in time', async () => {
    receiver.answers.push('hang');
    await createContact();
    await sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(1);
    expect(sandbox.webhooks.log).toEqual([
      expect.objectContaining({ outcome: 'lost', error: 'timeout', attempt: 0 }),
    ]);
  });

  it('never fails the API request: an unreachable receiver only loses the event', async () => {
    const closed = await startReceiver();
    await closed.close();
    sandbox.webhooks.setUrl(closed.url);
    try {
      await createContact();
      await sandbox.webhooks.idle();
      expect(sandbox.webhooks.log).toEqual([
        expect.objectContaining({ outcome: 'lost', url: closed.url }),
      ]);
      expect(sandbox.webhooks.log[0]!.error).toBeTruthy();
    } finally {
      sandbox.webhooks.setUrl(receiver.url);
    }
  });
});

describe('order', () => {
  it('sends events in the order the API made them', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await createContact());
    await sandbox.webhooks.idle();
    expect(emails()).toEqual(made);
  });
});

describe('faults', () => {
  it('drop: the next N events are never sent', async () => {
    sandbox.webhooks.injectFault({ kind: 'drop', count: 2 });
    await createContact();
    await createContact();
    const kept = await createContact();
    await sandbox.webhooks.idle();
    expect(emails()).toEqual([kept]);
    expect(sandbox.webhooks.log.map((e) => e.outcome)).toEqual(['dropped', 'dropped', 'delivered']);
  });

  it('delay: the event is sent late, and the queue behind it keeps its order', async () => {
    sandbox.webhooks.injectFault({ kind: 'delay', ms: 150 });
    const late = await createContact();
    const after = await createContact();
    await sandbox.webhooks.idle();
    expect(emails()).toEqual([late, after]);
    expect(sandbox.webhooks.log.map((e) => e.faults)).toEqual([['delay'], []]);
    const [first] = receiver.received;
    // Its timestamp is when the change happened, not when it was sent.
    expect(Date.parse(sandbox.webhooks.log[0]!.at)).toBeGreaterThanOrEqual(
      Date.parse(first!.body.timestamp) + 150,
    );
  });

  it('duplicate: the same event is sent twice, identical', async () => {
    sandbox.webhooks.injectFault({ kind: 'duplicate' });
    await createContact();
    await createContact();
    await sandbox.webhooks.idle();
    expect(receiver.received).toHaveLength(3);
    const [one, two, three] = receiver.received;
    expect(two!.raw).toBe(one!.raw);
    expect(two!.headers['x-ghl-signature']).toBe(one!.headers['x-ghl-signature']);
    expect(three!.body.webhookId).not.toBe(one!.body.webhookId);
  });

  it('reorder: the next two events arrive swapped', async () => {
    sandbox.webhooks.injectFault({ kind: 'reorder' });
    const a = await createContact();
    const b = await createContact();
    const c = await createContact();
    await sandbox.webhooks.idle();
    expect(emails()).toEqual([b, a, c]);
  });

  it('reorder with nothing to swap with: idle() sends the held event', async () => {
    sandbox.webhooks.injectFault({ kind: 'reorder' });
    const only = await createContact();
    await sandbox.webhooks.idle();
    expect(emails()).toEqual([only]);
  });

  it('badSignature: both signatures fail to verify; the next event is signed correctly', async () => {
    sandbox.webhooks.injectFault({ kind: 'badSignature' });
    await createContact();
    await createContact();
    await sandbox.webhooks.idle();
    const [bad, good] = receiver.received;
    const keys = sandbox.webhooks.publicKeys;
    expect(verifySignatures(bad!, keys)).toEqual({ ed25519: false, rsa: false });
    expect(verifySignatures(good!, keys)).toEqual({ ed25519: true, rsa: true });
  });

  it('oversize: the body is padded past the size given, then signed, and a 429 retry re-sends it', async () => {
    sandbox.webhooks.injectFault({ kind: 'oversize', bytes: 4096 });
    receiver.answers.push(429);
    const big = await createContact();
    const small = await createContact();
    await sandbox.webhooks.idle();
    // The retry waits its delay; the next event may go first.
    const [first, retry] = receiver.received.filter((r) => r.body.email === big);
    const next = receiver.received.find((r) => r.body.email === small);
    expect(Buffer.byteLength(first!.raw)).toBeGreaterThanOrEqual(4096);
    expect(Buffer.byteLength(first!.raw)).toBeLessThan(4096 + 16);
    expect(first!.body).toMatchObject({ email: big, padding: expect.stringMatching(/^ +$/) });
    expect(verifySignatures(first!, sandbox.webhooks.publicKeys)).toEqual({
      ed25519: true,
      rsa: true,
    });
    expect(retry!.raw).toBe(first!.raw);
    expect(next!.body.email).toBe(small);
    expect(next!.body).not.toHaveProperty('padding');
    expect(sandbox.webhooks.log.map((e) => [e.attempt, e.status, e.faults])).toEqual(
      expect.arrayContaining([
        [0, 429, ['oversize']],
        [1, 200, []],
        [0, 200, []],
      ]),
    );
    expect(sandbox.webhooks.log).toHaveLength(3);
  });

  it('oversize: by default one byte over 1 MiB', async () => {
    sandbox.webhooks.injectFault({ kind: 'oversize' });
    await createContact();
    await sandbox.webhooks.idle();
    expect(Buffer.byteLength(receiver.received[0]!.raw)).toBe(1024 * 1024 + 1);
  });

  it('are injected, listed and cleared over HTTP, and refused with the field named', async () => {
    const injected = await admin('POST', '/__sandbox/webhooks/faults', {
      faults: [{ kind: 'drop' }, { kind: 'delay', ms: 10, count: 2 }],
    });
    expect(injected.status).toBe(201);
    expect(injected.body.faults).toEqual([
      { kind: 'drop', count: 1 },
      { kind: 'delay', count: 2, ms: 10 },
    ]);
    const dropped = await createContact();
    const delayed = await createContact();
    expect((await admin('POST', '/__sandbox/webhooks/idle')).status).toBe(200);
    expect(emails()).toEqual([delayed]);
    expect(sandbox.webhooks.log.map((e) => [e.outcome, e.faults])).toEqual([
      ['dropped', ['drop', 'delay']],
      ['delivered', ['delay']],
    ]);
    expect(dropped).toBeTruthy();

    const bad = await admin('POST', '/__sandbox/webhooks/faults', { kind: 'explode' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(
      /^kind must be one of drop, delay, duplicate, reorder, badSignature/,
    );
    const noMs = await admin('POST', '/__sandbox/webhooks/faults', { kind: 'delay' });
    expect(noMs.body.message).toMatch(/^ms must be/);
    const noBytes = await admin('POST', '/__sandbox/webhooks/faults', {
      kind: 'oversize',
      bytes: -1,
    });
    expect(noBytes.status).toBe(400);
    expect(noBytes.body.message).toMatch(/^bytes must be a positive whole number/);

    await admin('POST', '/__sandbox/webhooks/faults', { kind: 'drop', count: 5 });
    expect((await admin('GET', '/__sandbox/webhooks/faults')).body.faults).toHaveLength(1);
    expect((await admin('DELETE', '/__sandbox/webhooks/faults')).body).toEqual({ faults: [] });
    const sent = await createContact();
    await sandbox.webhooks.idle();
    expect(emails()).toEqual([delayed, sent]);
  });
});

describe('admin routes', () => {
  it('show the log, the settings and the URL, and change settings', async () => {
    await createContact();
    await sandbox.webhooks.idle();
    const log = await admin('GET', '/__sandbox/webhooks/log');
    expect(log.body.count).toBe(1);
    expect(log.body.entries[0]).toMatchObject({
      type: 'ContactCreate',
      status: 200,
      outcome: 'delivered',
      attempt: 0,
    });
    expect(log.body.entries[0].webhookId).toBe(receiver.received[0]!.body.webhookId);

    const state = await admin('GET', '/__sandbox/webhooks');
    expect(state.body).toMatchObject({
      url: receiver.url,
      appId: 'sandbox',
      pending: 0,
      settings: { retries: 6, retryDelayMs: 5, timeoutMs: 300, taskCreateGap: true },
    });
    expect(state.body.publicKeys).toEqual(sandbox.webhooks.publicKeys);

    const changed = await admin('PUT', '/__sandbox/webhooks/settings', { retries: 2 });
    expect(changed.body.settings.retries).toBe(2);
    const refused = await admin('PUT', '/__sandbox/webhooks/settings', { retries: 'many' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^retries must be a number/);
    sandbox.webhooks.configure({ retries: 6 });

    const badUrl = await admin('PUT', '/__sandbox/webhooks/url', { url: 'not a url' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.message).toMatch(/^url must be an absolute URL/);
    expect((await admin('DELETE', '/__sandbox/webhooks/log')).body).toEqual({ count: 0 });
    expect(sandbox.webhooks.log).toEqual([]);
  });
});
