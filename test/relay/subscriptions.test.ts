// POST /subscriptions and DELETE /subscriptions/:id: the token check against HighLevel, the target
// allowlist, event and filter validation.
import {
  LOCATION,
  OTHER_LOCATION,
  startRelayHarness,
  type RelayHarness,
} from './support/relayHarness';

let h: RelayHarness;
beforeAll(async () => {
  h = await startRelayHarness({ targetHosts: ['hooks.zapier.com'] });
});
afterAll(() => h.close());

const hookUrl = (path = '/hook') => `${h.hooks.url}${path}`;
const unsubscribe = (id: string, token?: string) =>
  fetch(`${h.relay.url}/subscriptions/${id}`, {
    method: 'DELETE',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('subscriptions', () => {
  it('creates a subscription for a token that can see the sub-account', async () => {
    const response = await h.subscribe({
      targetUrl: hookUrl(),
      event: 'ContactCreate',
      locationId: LOCATION,
      filters: { tag: 'VIP' },
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.any(String),
      event: 'ContactCreate',
      locationId: LOCATION,
      filters: { tag: 'VIP' },
      targetUrl: hookUrl(),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('refuses a missing bearer with 401 and a token of another sub-account with 403', async () => {
    const noBearer = await fetch(`${h.relay.url}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ targetUrl: hookUrl(), event: 'ContactCreate', locationId: LOCATION }),
    });
    expect(noBearer.status).toBe(401);
    const other = await h.subscribe(
      { targetUrl: hookUrl(), event: 'ContactCreate', locationId: LOCATION },
      'token-beta',
    );
    expect(other.status).toBe(403);
    const unknownToken = await h.subscribe(
      { targetUrl: hookUrl(), event: 'ContactCreate', locationId: OTHER_LOCATION },
      'token-nobody',
    );
    expect(unknownToken.status).toBe(403);
  });

  it('deletes only with a token of the subscription’s sub-account; 404 when unknown', async () => {
    const created = (await (
      await h.subscribe({ targetUrl: hookUrl(), event: 'TaskCreate', locationId: LOCATION })
    ).json()) as { id: string };
    expect((await unsubscribe(created.id)).status).toBe(401);
    expect((await unsubscribe(created.id, 'token-beta')).status).toBe(403);
    expect((await unsubscribe(created.id, 'token-alpha')).status).toBe(200);
    expect((await unsubscribe(created.id, 'token-alpha')).status).toBe(404);
  });

  it('caches a token’s answer briefly instead of asking HighLevel every time', async () => {
    const before = h.highlevel.lookups;
    for (let i = 0; i < 3; i += 1) {
      await h.subscribe({ targetUrl: hookUrl(), event: 'NoteCreate', locationId: LOCATION });
    }
    expect(h.highlevel.lookups - before).toBeLessThanOrEqual(1);
  });

  it.each([
    ['http on an allowed host', 'http://hooks.zapier.com/hooks/catch/1/abc'],
    ['https on another host', 'https://evil.example.com/hook'],
    ['a look-alike host', 'https://hooks.zapier.com.evil.example.com/x'],
    ['credentials in the URL', 'https://user:pw@hooks.zapier.com/x'],
    ['not a URL', 'hooks.zapier.com/x'],
  ])('refuses a target that is %s with 400', async (_label, targetUrl) => {
    const response = await h.subscribe({ targetUrl, event: 'ContactCreate', locationId: LOCATION });
    expect(response.status).toBe(400);
  });

  it('accepts https on an allowed host', async () => {
    const response = await h.subscribe({
      targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc',
      event: 'ContactTagAdded',
      locationId: LOCATION,
      filters: { tag: 'vip' },
    });
    expect(response.status).toBe(201);
  });

  it('refuses an unknown event, an unknown filter and a filter the event does not have', async () => {
    const base = { targetUrl: hookUrl(), locationId: LOCATION };
    expect((await h.subscribe({ ...base, event: 'ContactExplode' })).status).toBe(400);
    expect(
      (await h.subscribe({ ...base, event: 'ContactCreate', filters: { colour: 'red' } })).status,
    ).toBe(400);
    expect(
      (await h.subscribe({ ...base, event: 'NoteCreate', filters: { calendarId: 'cal1' } })).status,
    ).toBe(400);
    expect(
      (await h.subscribe({ ...base, event: 'ContactCreate', filters: { tag: 7 } })).status,
    ).toBe(400);
  });
});
