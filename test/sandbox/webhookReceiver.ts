// A local webhook receiver for the sandbox's webhook tests: records every request byte for byte
// and answers with the statuses it is told to (200 once they run out).
import crypto from 'crypto';
import http from 'http';
import { AddressInfo } from 'net';
import type { WebhookPublicKeys } from '../../sandbox/webhooks/signing';

export interface Received {
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  body: any;
  headers: http.IncomingHttpHeaders;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses for the next requests, in order; `'hang'` never answers. */
  answers: Array<number | 'hang'>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const answers: Array<number | 'hang'> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ raw, body: JSON.parse(raw), headers: req.headers });
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') return;
      res.writeHead(answer, { 'Content-Type': 'text/plain' }).end(String(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/highlevel`,
    received,
    answers,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Both signatures of a received webhook, checked as a receiver would with node:crypto. */
export function verifySignatures(
  received: Received,
  keys: WebhookPublicKeys,
): { ed25519: boolean; rsa: boolean } {
  const bytes = Buffer.from(received.raw, 'utf8');
  const signature = (name: string): Buffer =>
    Buffer.from(String(received.headers[name] ?? ''), 'base64');
  return {
    ed25519: crypto.verify(null, bytes, keys.ed25519, signature('x-ghl-signature')),
    rsa: crypto.verify('sha256', bytes, keys.rsa, signature('x-wh-signature')),
  };
}
