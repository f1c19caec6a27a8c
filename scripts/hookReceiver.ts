// A stand-in for Zapier's hook URLs on 127.0.0.1: each Zap gets its own path, every POST to it is
// kept with the time it arrived, and a caller can wait for the next one. The demo and the
// end-to-end tests subscribe these URLs at the relay as Zapier would subscribe its own.
import http from 'http';
import type { AddressInfo } from 'net';

export type Hook = { body: Record<string, unknown>; receivedAt: number };

export type HookReceiver = {
  /** The hook URL of one Zap, by a name of the caller's choosing. */
  urlOf(zap: string): string;
  /** Every delivery to that Zap so far, oldest first. */
  received(zap: string): Hook[];
  /** The next delivery to that Zap that `matches`, waiting up to `timeoutMs` for it. */
  next(zap: string, matches?: (hook: Hook) => boolean, timeoutMs?: number): Promise<Hook>;
  close(): Promise<void>;
};

type Waiter = { matches: (hook: Hook) => boolean; resolve: (hook: Hook) => void };

export const startHookReceiver = async (): Promise<HookReceiver> => {
  const hooks = new Map<string, Hook[]>();
  const waiters = new Map<string, Waiter[]>();
  const consumed = new WeakSet<Hook>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const receivedAt = Date.now();
      const zap = decodeURIComponent((req.url ?? '/').replace(/^\/hooks\//, ''));
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.writeHead(400).end('not JSON');
        return;
      }
      const hook = { body, receivedAt };
      hooks.set(zap, [...(hooks.get(zap) ?? []), hook]);
      const waiting = waiters.get(zap) ?? [];
      const waiter = waiting.find((candidate) => candidate.matches(hook));
      if (waiter) {
        consumed.add(hook);
        waiters.set(
          zap,
          waiting.filter((candidate) => candidate !== waiter),
        );
        waiter.resolve(hook);
      }
      // Zapier answers a hook at once, before the Zap runs.
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    urlOf: (zap) => `http://127.0.0.1:${port}/hooks/${encodeURIComponent(zap)}`,
    received: (zap) => [...(hooks.get(zap) ?? [])],
    next: (zap, matches = () => true, timeoutMs = 10_000) =>
      new Promise<Hook>((resolve, reject) => {
        const already = (hooks.get(zap) ?? []).find((hook) => !consumed.has(hook) && matches(hook));
        if (already) {
          consumed.add(already);
          resolve(already);
          return;
        }
        const timer = setTimeout(() => {
          waiters.set(
            zap,
            (waiters.get(zap) ?? []).filter((candidate) => candidate !== waiter),
          );
          reject(new Error(`no delivery to ${zap} within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter: Waiter = {
          matches,
          resolve: (hook) => {
            clearTimeout(timer);
            resolve(hook);
          },
        };
        waiters.set(zap, [...(waiters.get(zap) ?? []), waiter]);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
