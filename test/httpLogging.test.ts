// What Zapier's log of a Zap run shows: the app's requests to HighLevel (core logs every
// z.request), not core's own calls to Zapier's store for z.cursor and z.cache. The app sets
// `skipHttpPatch` (lib/http/pipeline.ts); without it, core's patch of node's http module logged
// each store call too, re-reading and scrubbing its body on every poll.
import zapier from 'zapier-platform-core';
import App from '../index';
import { bundleWith, highLevel, noCustomFields } from './support/app';
import { searchRow } from './support/contacts';
import { fakeCursor } from './support/cursor';

type Handler = (event: Record<string, unknown>) => Promise<unknown>;
// Core's Lambda handler, which Zapier runs; exported by core but not in its typings.
const { createAppHandler } = zapier as unknown as { createAppHandler: (app: object) => Handler };

it("logs the poll's request to HighLevel and none of core's calls to Zapier's store", async () => {
  const cursor = fakeCursor();
  noCustomFields();
  highLevel()
    .post('/contacts/search')
    .reply(200, { contacts: [searchRow(2, 1), searchRow(1, 3)], total: 2 });
  const logged: string[] = [];

  await createAppHandler(App)({
    command: 'execute',
    method: 'triggers.new_contact.operation.perform',
    bundle: bundleWith(),
    storeKey: 'zap-logging',
    rpc_base: 'https://rpc.zapier.com/cli',
    customLogger: (message: string) => logged.push(message),
  });

  // The store was called (the Zap's progress, the custom-field cache), and none of it was logged.
  expect(cursor.calls.map((call) => call.method)).toEqual(
    expect.arrayContaining(['get_cursor', 'set_cursor']),
  );
  expect(logged).toContainEqual(
    expect.stringMatching(/^200 POST https:\/\/\S+\/contacts\/search$/),
  );
  expect(logged.filter((message) => message.includes('rpc.zapier.com'))).toEqual([]);
});
