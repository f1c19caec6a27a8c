// A local stand-in for Zapier's hook URLs: records every POST, answers what the test says.
import http from 'http';
import type { AddressInfo } from 'net';

export interface ReceivedHook {
  path: string;
  body: Record<string, unknown>;
}

export interface HookReceiver {
  url: string;
  received: ReceivedHook[];
  /** The status to answer for a path (default 200). */
  respond: (path: string) => number;
  /** Resolves once `count` hooks arrived on `path` (any path when omitted). */
  waitFor(count: number, path?: string, timeoutMs?: number): Promise<ReceivedHook[]>;
  close(): Promise<void>;
}

export async function startHookReceiver(): Promise<HookReceiver> {
  const receiver = {
    received: [] as ReceivedHook[],
    respond: (_path: string) => 200,
  } as HookReceiver;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const status = receiver.respond(path);
      if (status >= 200 && status < 300) {
        receiver.received.push({ path, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      }
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.waitFor = async (count, path, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    const matching = () => receiver.received.filter((hook) => !path || hook.path === path);
    while (matching().length < count) {
      if (Date.now() > deadline) {
        throw new Error(
          `expected ${count} hooks on ${path ?? 'any path'}, got ${matching().length}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return matching();
  };
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
