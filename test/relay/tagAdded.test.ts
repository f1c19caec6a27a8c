// ContactTagAdded: derived from ContactTagUpdate, once per contact and tag, never for a tag the
// contact already had (as learnt from ContactCreate, ContactUpdate and earlier tag updates), on
// both stores: the last-known tags and the deleted contacts' tombstones are the store's.
import { highlevelEvent } from './support/signing';
import { contactBody } from './support/events';
import { LOCATION, startRelayHarness, type RelayHarness } from './support/relayHarness';
import { freshStore, STORES, type StoreOptions } from './support/stores';

jest.setTimeout(60_000);

describe.each(STORES)('tag added, %s store', (kind) => {
  let store: StoreOptions;
  let h: RelayHarness;
  beforeAll(async () => {
    store = await freshStore(kind);
    h = await startRelayHarness(store.settings);
    await h.install();
    for (const [path, filters] of [
      ['/any', undefined],
      ['/vip', { tag: 'VIP' }],
    ] as const) {
      const response = await h.subscribe({
        targetUrl: `${h.hooks.url}${path}`,
        event: 'ContactTagAdded',
        locationId: LOCATION,
        ...(filters ? { filters } : {}),
      });
      expect(response.status).toBe(201);
    }
  });
  afterAll(async () => {
    await h?.close();
    store?.remove();
  });

  const send = async (type: string, id: string, tags: string[], sentAt = new Date()) => {
    const event = highlevelEvent({
      type,
      ...contactBody(LOCATION, { id, tags }),
      timestamp: sentAt.toISOString(),
    });
    expect((await h.send(event)).status).toBe(200);
    return event;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
  const addedFor = (id: string, path = '/any') =>
    h.hooks.received
      .filter((hook) => hook.path === path && hook.body.id === id)
      .map((hook) => hook.body.tagsAdded);

  it('delivers the ContactTagUpdate body with type ContactTagAdded and the new tags', async () => {
    await send('ContactCreate', 'c1', ['lead']);
    const update = await send('ContactTagUpdate', 'c1', ['lead', 'vip']);
    const [hook] = await h.hooks.waitFor(1, '/any');
    expect(hook!.body).toEqual({ ...update, type: 'ContactTagAdded', tagsAdded: ['vip'] });
    const [vipHook] = await h.hooks.waitFor(1, '/vip');
    expect(vipHook!.body.id).toBe('c1');
  });

  it('fires once per contact and tag: not for tags it had, not again when re-added', async () => {
    await send('ContactCreate', 'c2', ['a']);
    await send('ContactTagUpdate', 'c2', ['a', 'b']);
    await send('ContactTagUpdate', 'c2', ['a', 'b']); // nothing new
    await send('ContactTagUpdate', 'c2', ['a']); // b removed
    await send('ContactTagUpdate', 'c2', ['a', 'b']); // b back: already fired once
    await send('ContactUpdate', 'c2', ['a', 'b', 'c']); // learnt from an update, not "added"
    await send('ContactTagUpdate', 'c2', ['A', 'B', 'C', 'D']); // case-insensitive
    await settle();
    expect(addedFor('c2')).toEqual([['b'], ['d']]);
  });

  it('counts every current tag as added for a contact never seen before (README)', async () => {
    await send('ContactTagUpdate', 'c3', ['old', 'new']);
    await settle();
    expect(addedFor('c3')).toEqual([['old', 'new']]);
  });

  it('filters on the added tags only', async () => {
    await send('ContactCreate', 'c4', ['vip']);
    await send('ContactTagUpdate', 'c4', ['vip', 'other']);
    await settle();
    expect(addedFor('c4', '/any')).toEqual([['other']]);
    expect(addedFor('c4', '/vip')).toEqual([]);
  });

  it('fires nothing for a tag update sent before the delete that arrives after it', async () => {
    const sent = Date.now();
    await send('ContactCreate', 'c5', ['a'], new Date(sent - 3000));
    await send('ContactTagUpdate', 'c5', ['a', 'b'], new Date(sent - 2000));
    // HighLevel sent the tag update (adding c) a second before the delete; the delete came first.
    await send('ContactDelete', 'c5', [], new Date(sent));
    await send('ContactTagUpdate', 'c5', ['a', 'b', 'c'], new Date(sent - 1000));
    await settle();
    expect(addedFor('c5')).toEqual([['b']]);
  });

  it('treats a tag update sent after the delete as a restored contact, seen anew', async () => {
    const sent = Date.now();
    await send('ContactCreate', 'c6', ['a'], new Date(sent - 2000));
    await send('ContactDelete', 'c6', [], new Date(sent - 1000));
    await send('ContactTagUpdate', 'c6', ['a', 'b'], new Date(sent));
    await send('ContactTagUpdate', 'c6', ['a', 'b', 'c'], new Date(sent));
    await settle();
    expect(addedFor('c6')).toEqual([['a', 'b'], ['c']]);
  });
});
