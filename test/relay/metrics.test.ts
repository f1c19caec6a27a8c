// GET /metrics moves as the events do: received per request, rejected by reason, queue depth while
// a delivery waits, then delivered and one more delivery-latency observation once it is accepted.
import { highlevelEvent, signedRequest } from './support/signing';
import { contactBody } from './support/events';
import { LOCATION, startRelayHarness, type RelayHarness } from './support/relayHarness';
import { until } from './support/sandboxSender';

let h: RelayHarness;
beforeAll(async () => {
  h = await startRelayHarness();
  await h.install();
  const subscribed = await h.subscribe({
    targetUrl: `${h.hooks.url}/metered`,
    event: 'ContactCreate',
    locationId: LOCATION,
  });
  expect(subscribed.status).toBe(201);
});
afterAll(() => h.close());

type Scrape = (series: string) => number;

/** The relay's metrics now: the value of one series (0 when absent, as for a label not yet seen). */
async function scrape(): Promise<Scrape> {
  const text = await (await fetch(`${h.relay.url}/metrics`)).text();
  return (series) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? 0 : Number(line.slice(series.length + 1));
  };
}

const RECEIVED = 'relay_events_received_total';
const DELIVERED = 'relay_deliveries_delivered_total';
const LATENCY_COUNT = 'relay_delivery_latency_seconds_count';
const PENDING = 'relay_queue_depth{state="pending"}';
const QUEUE_DELIVERED = 'relay_queue_depth{state="delivered"}';
const rejected = (reason: string) => `relay_events_rejected_total{reason="${reason}"}`;

const contactCreate = (fields: Record<string, unknown> = {}) =>
  highlevelEvent({ type: 'ContactCreate', ...contactBody(LOCATION), ...fields });

describe('metrics', () => {
  it('counts a delivery waiting, then delivered with its latency', async () => {
    h.hooks.respond = () => 503;
    const before = await scrape();
    expect((await h.send(contactCreate())).status).toBe(200);
    // A failed attempt keeps it pending (retried a second later).
    const RETRIED = 'relay_deliveries_retried_total';
    await until(async () => (await scrape())(RETRIED) > before(RETRIED), 'a retry');
    const waiting = await scrape();
    expect(waiting(RECEIVED)).toBe(before(RECEIVED) + 1);
    expect(waiting(PENDING)).toBe(before(PENDING) + 1);
    expect(waiting(DELIVERED)).toBe(before(DELIVERED));
    expect(waiting(LATENCY_COUNT)).toBe(before(LATENCY_COUNT));

    h.hooks.respond = () => 200;
    await h.hooks.waitFor(1, '/metered');
    const after = await until(async () => {
      const now = await scrape();
      return now(DELIVERED) > before(DELIVERED) ? now : undefined;
    }, 'the delivery counted');
    expect(after(DELIVERED)).toBe(before(DELIVERED) + 1);
    expect(after(LATENCY_COUNT)).toBe(before(LATENCY_COUNT) + 1);
    expect(after('relay_delivery_latency_seconds_sum')).toBeGreaterThan(
      before('relay_delivery_latency_seconds_sum'),
    );
    expect(after(PENDING)).toBe(before(PENDING));
    expect(after(QUEUE_DELIVERED)).toBe(before(QUEUE_DELIVERED) + 1);
    expect(after(RECEIVED)).toBe(before(RECEIVED) + 1);
  });

  it('counts refusals by reason: stale and unsigned', async () => {
    const before = await scrape();
    const stale = contactCreate({ timestamp: new Date(Date.now() - 3 * 3600_000).toISOString() });
    expect((await h.send(stale)).status).toBe(401);
    const { body, headers } = signedRequest(h.keys, contactCreate());
    delete headers['x-ghl-signature'];
    const unsigned = await fetch(`${h.relay.url}/webhooks/highlevel`, {
      method: 'POST',
      headers,
      body,
    });
    expect(unsigned.status).toBe(401);
    const after = await scrape();
    expect(after(rejected('stale'))).toBe(before(rejected('stale')) + 1);
    expect(after(rejected('unsigned'))).toBe(before(rejected('unsigned')) + 1);
    expect(after(rejected('bad_signature'))).toBe(before(rejected('bad_signature')));
    expect(after(RECEIVED)).toBe(before(RECEIVED) + 2);
    expect(after('relay_events_stored_total')).toBe(before('relay_events_stored_total'));
  });
});
