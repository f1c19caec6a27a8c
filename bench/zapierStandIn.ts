// A stand-in for Zapier's RPC endpoint as polling meets it: z.cursor (one value per storeKey, so
// per Zap) and z.cache with its TTL, on a clock the bench moves forward. Core's app tester keeps
// z.cache in memory without TTLs and has no cursor, so it can show neither a Zap carrying a burst
// over polls nor what a poll costs 5 or 15 minutes after the last one.
import http from 'http';
import type { AddressInfo } from 'net';

type Call = { id?: unknown; storeKey?: unknown; method?: unknown; params?: unknown[] };

export interface ZapierStandIn {
  /** Pass as the event's `rpc_base`. */
  url: string;
  /** Moves the stand-in's clock (cache expiry) forward, as time passing between polls would. */
  skip(ms: number): void;
  close(): Promise<void>;
}

export async function startZapierStandIn(): Promise<ZapierStandIn> {
  let skipped = 0;
  const now = () => Date.now() + skipped;
  const cursors = new Map<string, string>();
  const cache = new Map<string, { value: string; expiresAt: number }>();
  const answer = ({ storeKey, method, params = [] }: Call): unknown => {
    const [key, value, ttl] = params as [string, string, number | null];
    switch (method) {
      case 'get_cursor':
        return cursors.get(String(storeKey)) ?? null;
      case 'set_cursor':
        cursors.set(String(storeKey), String(key));
        return null;
      case 'zcache_get': {
        const entry = cache.get(key);
        return entry && entry.expiresAt > now() ? entry.value : null;
      }
      case 'zcache_set':
        cache.set(key, { value, expiresAt: ttl ? now() + ttl * 1000 : Infinity });
        return true;
      case 'zcache_delete':
        return cache.delete(key);
      default:
        throw new Error(`The stand-in does not implement ${String(method)}`);
    }
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const call = JSON.parse(body || '{}') as Call;
      let reply: object;
      try {
        reply = { id: call.id, result: answer(call) };
      } catch (error) {
        reply = { id: call.id, error: error instanceof Error ? error.message : String(error) };
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cli`,
    skip: (ms) => (skipped += ms),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
