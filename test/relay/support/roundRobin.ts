// A load balancer in front of several relay instances: each request goes to the next instance in
// turn, its body and headers passed on byte for byte (the signature covers the raw body).
import http from 'http';
import type { AddressInfo } from 'net';

export interface RoundRobin {
  url: string;
  /** How many requests each upstream was given, in the order of `upstreams`. */
  forwarded: number[];
  close(): Promise<void>;
}

export async function startRoundRobin(upstreams: string[]): Promise<RoundRobin> {
  const forwarded = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((incoming, outgoing) => {
    const index = next;
    next = (next + 1) % upstreams.length;
    forwarded[index]! += 1;
    const proxied = http.request(
      new URL(incoming.url ?? '/', upstreams[index]),
      { method: incoming.method, headers: incoming.headers, agent: false },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    proxied.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
