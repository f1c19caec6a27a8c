// z.cursor for tests. Core's appTester does not stub it (shared notes, zapier-platform.md §0 item 8):
// z.cursor.get/set call Zapier's RPC endpoint with a deploy key. This fakes that endpoint with an
// in-memory store keyed like Zapier's (by storeKey, one per registered paging operation), so
// page 0 and page 1 of a dropdown run through the real core code and share one cursor.
import nock from 'nock';

const RPC_HOST = 'https://rpc.zapier.com';

type RpcRequest = { id: string; storeKey: string; method: string; params: unknown[] };
export type CursorCall = { method: string; params: unknown[] };

/**
 * Starts a fake cursor store for this test and returns its calls (`get_cursor` / `set_cursor`,
 * in order) and the values stored per storeKey. `initial` is what `get_cursor` answers before
 * anything was stored, as if an earlier page had stored it. Call it only in tests that use the
 * cursor: the shared afterEach fails a test whose interceptors were never used.
 */
export const fakeCursor = ({ initial }: { initial?: string } = {}) => {
  // Core refuses RPC calls in tests without a deploy key; the fake endpoint ignores its value.
  process.env.ZAPIER_DEPLOY_KEY = 'test';
  const stored = new Map<string, string>();
  const calls: CursorCall[] = [];
  nock(RPC_HOST)
    .persist()
    .post('/cli')
    .reply(
      200,
      (_uri, body) => {
        // Core sends the call as a JSON string without a content type, so nock does not parse it.
        const { id, storeKey, method, params } = (
          typeof body === 'string' ? JSON.parse(body) : body
        ) as RpcRequest;
        calls.push({ method, params });
        if (method === 'set_cursor') {
          stored.set(storeKey, String(params[0]));
          return { id, result: null };
        }
        if (method === 'get_cursor') return { id, result: stored.get(storeKey) ?? initial ?? null };
        return { id, error: `The fake cursor store does not implement ${method}.` };
      },
      // Core reads the answer only when it is labelled JSON.
      { 'Content-Type': 'application/json' },
    );
  return { calls, stored };
};
