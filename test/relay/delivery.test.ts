// From a signed event to the subscribed hook URLs: every event type, filters, retries, 410 Gone,
// dead letters and uninstall.
import { highlevelEvent } from './support/signing';
import { appointmentBody, BODY_OF_EVENT, contactBody, taskBody } from './support/events';
import { deliveryStates as statesOf } from './support/deliveryJobs';
import { LOCATION, startRelayHarness, type RelayHarness } from './support/relayHarness';
import { until } from './support/sandboxSender';

let h: RelayHarness;
beforeAll(async () => {
  h = await startRelayHarness({ retryForMs: 6_000 });
  await h.install();
});
afterAll(() => h.close());

const subscribe = async (event: string, path: string, filters?: Record<string, string>) => {
  const response = await h.subscribe({
    targetUrl: `${h.hooks.url}${path}`,
    event,
    locationId: LOCATION,
    ...(filters ? { filters } : {}),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
};

const deliveryStates = (subscriptionId: string) => statesOf(h.relay.db, { subscriptionId });

describe('delivery', () => {
  it('delivers every event type to its subscriber with HighLevel’s body as received', async () => {
    const sent: Record<string, Record<string, unknown>> = {};
    for (const type of Object.keys(BODY_OF_EVENT)) await subscribe(type, `/all/${type}`);
    for (const [type, body] of Object.entries(BODY_OF_EVENT)) {
      sent[type] = highlevelEvent({ type, ...body(LOCATION) });
      expect((await h.send(sent[type]!)).status).toBe(200);
    }
    for (const type of Object.keys(BODY_OF_EVENT)) {
      const [hook] = await h.hooks.waitFor(1, `/all/${type}`);
      expect(hook!.body).toEqual(sent[type]);
    }
  });

  it('passes a TaskCreate without contactId (a known HighLevel gap) through as it is', async () => {
    await subscribe('TaskCreate', '/gap');
    const { contactId: _omitted, body: _body, ...gappy } = taskBody(LOCATION);
    const event = highlevelEvent({ type: 'TaskCreate', ...gappy });
    await h.send(event);
    const [hook] = await h.hooks.waitFor(1, '/gap');
    expect(hook!.body).toEqual(event);
    expect(hook!.body).not.toHaveProperty('contactId');
  });

  it('delivers only what matches the filters', async () => {
    await subscribe('ContactUpdate', '/vip', { tag: 'VIP', assignedTo: 'user-7' });
    await subscribe('AppointmentCreate', '/cal-2', {
      calendarId: 'cal-2',
      appointmentStatus: 'new',
    });
    const vip = highlevelEvent({
      type: 'ContactUpdate',
      ...contactBody(LOCATION, { id: 'c-vip', tags: ['vip'], assignedTo: 'user-7' }),
    });
    await h.send(vip);
    await h.send(
      highlevelEvent({
        type: 'ContactUpdate',
        ...contactBody(LOCATION, { id: 'c-other', tags: ['vip'], assignedTo: 'user-8' }),
      }),
    );
    const onCal2 = highlevelEvent({
      type: 'AppointmentCreate',
      ...appointmentBody(LOCATION, { calendarId: 'cal-2', appointmentStatus: 'new' }),
    });
    await h.send(onCal2);
    await h.send(highlevelEvent({ type: 'AppointmentCreate', ...appointmentBody(LOCATION) }));
    const [vipHook] = await h.hooks.waitFor(1, '/vip');
    const [calHook] = await h.hooks.waitFor(1, '/cal-2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.hooks.received.filter((r) => r.path === '/vip').map((r) => r.body)).toEqual([vip]);
    expect(h.hooks.received.filter((r) => r.path === '/cal-2').map((r) => r.body)).toEqual([
      onCal2,
    ]);
    expect(vipHook!.body.id).toBe('c-vip');
    expect(calHook!.body).toEqual(onCal2);
  });

  it('retries a receiver answering 500 until it accepts', async () => {
    let failures = 3;
    h.hooks.respond = (path) => (path === '/flaky' && failures-- > 0 ? 500 : 200);
    const id = await subscribe('NoteCreate', '/flaky');
    const event = highlevelEvent({ type: 'NoteCreate', ...BODY_OF_EVENT.NoteCreate!(LOCATION) });
    await h.send(event);
    const [hook] = await h.hooks.waitFor(1, '/flaky');
    expect(hook!.body).toEqual(event);
    expect(failures).toBeLessThan(0);
    // The relay records the delivery once the receiver's answer is back, just after the POST came.
    await until(
      async () => (await deliveryStates(id))[0] === 'delivered',
      'the delivery to be recorded',
      5_000,
    );
    expect(await deliveryStates(id)).toEqual(['delivered']);
    const metrics = await (await fetch(`${h.relay.url}/metrics`)).text();
    expect(metrics).toMatch(/relay_deliveries_retried_total [3-9]/);
  });

  it('dead-letters a delivery that keeps failing past the retry period, and counts it', async () => {
    h.hooks.respond = (path) => (path === '/down' ? 503 : 200);
    const id = await subscribe('NoteDelete', '/down');
    await h.send(highlevelEvent({ type: 'NoteDelete', ...BODY_OF_EVENT.NoteDelete!(LOCATION) }));
    const deadline = Date.now() + 15_000;
    while ((await deliveryStates(id))[0] !== 'dead' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await deliveryStates(id)).toEqual(['dead']);
    const metrics = await (await fetch(`${h.relay.url}/metrics`)).text();
    expect(metrics).toContain('relay_deliveries_dead_total 1');
    expect(metrics).toContain('relay_queue_depth{state="dead"} 1');
  });

  it('ends a subscription whose receiver answers 410 Gone', async () => {
    h.hooks.respond = (path) => (path === '/gone' ? 410 : 200);
    const id = await subscribe('NoteUpdate', '/gone');
    await h.send(highlevelEvent({ type: 'NoteUpdate', ...BODY_OF_EVENT.NoteUpdate!(LOCATION) }));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const rows = await h.relay.db.query('SELECT 1 FROM relay_subscriptions WHERE id = $1', [id]);
      if (rows.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await h.relay.db.query('SELECT 1 FROM relay_subscriptions WHERE id = $1', [id])).toEqual(
      [],
    );
    const unsubscribe = await fetch(`${h.relay.url}/subscriptions/${id}`, {
      method: 'DELETE',
      headers: { authorization: 'Bearer token-alpha' },
    });
    expect(unsubscribe.status).toBe(404);
  });

  it('ends the subscriptions of a sub-account that uninstalls the app, and refuses its events', async () => {
    h.hooks.respond = () => 200;
    await h.install('loc-leaving');
    // token-alpha cannot see loc-leaving: subscribe through the store to set the scene.
    await h.relay.db.query(
      `INSERT INTO relay_subscriptions (id, event, location_id, target_url)
       VALUES ('sub-leaving', 'ContactCreate', 'loc-leaving', $1)`,
      [`${h.hooks.url}/leaving`],
    );
    const uninstall = highlevelEvent({ type: 'UNINSTALL', locationId: 'loc-leaving' });
    expect((await h.send(uninstall)).status).toBe(200);
    expect(
      await h.relay.db.query("SELECT 1 FROM relay_subscriptions WHERE id = 'sub-leaving'"),
    ).toEqual([]);
    const after = highlevelEvent({ type: 'ContactCreate', ...contactBody('loc-leaving') });
    expect((await h.send(after)).status).toBe(403);
  });
});
