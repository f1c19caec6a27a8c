// The stand-in for Zapier's RPC endpoint (z.cursor's store) that the sandbox serves beside the
// HighLevel API, answering the way zapier-platform-core's RPC client expects.
import { startSandbox, Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ rateLimit: { max: 1, windowMs: 60_000 } });
});
afterAll(() => sandbox.close());

/** One RPC call as core sends it: a JSON string without a content type, and a deploy key. */
const rpc = async (
  call: { storeKey?: string; method: string; params?: unknown[] },
  headers: Record<string, string> = { 'X-Deploy-Key': 'demo' },
) => {
  const id = Math.random().toString(36).slice(2);
  const response = await fetch(sandbox.zapierRpcUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify({ id, params: [], ...call }),
  });
  const body = (await response.json()) as { id: string; result?: unknown; error?: string };
  expect(body.id).toBe(id); // core rejects an answer to another call
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  return { status: response.status, ...body };
};

describe("the stand-in for Zapier's cursor store", () => {
  it('keeps one cursor per storeKey', async () => {
    expect(await rpc({ storeKey: 'a', method: 'get_cursor' })).toMatchObject({ result: null });
    expect(await rpc({ storeKey: 'a', method: 'set_cursor', params: ['[1,"x"]'] })).toMatchObject({
      status: 200,
      result: null,
    });
    expect(await rpc({ storeKey: 'a', method: 'get_cursor' })).toMatchObject({ result: '[1,"x"]' });
    expect(await rpc({ storeKey: 'b', method: 'get_cursor' })).toMatchObject({ result: null });
  });

  it('refuses calls without a deploy key or token, and methods it does not have', async () => {
    const anonymous = await rpc({ storeKey: 'a', method: 'get_cursor' }, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.error).toMatch(/X-Deploy-Key/);
    expect((await rpc({ storeKey: 'a', method: 'zcache_get' })).error).toMatch(/not implement/);
    expect((await rpc({ method: 'get_cursor' })).error).toMatch(/no cursor/);
  });

  it('is not HighLevel: no rate limit and no entry in the request log', async () => {
    sandbox.resetRequestLog();
    for (let i = 0; i < 3; i += 1) {
      expect((await rpc({ storeKey: 'c', method: 'get_cursor' })).status).toBe(200);
    }
    expect(sandbox.requests).toEqual([]);
  });
});
