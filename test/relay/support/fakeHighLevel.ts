// A local fake of HighLevel's GET /locations/{locationId}: each token sees the locations given.
import http from 'http';
import type { AddressInfo } from 'net';

export interface FakeHighLevel {
  url: string;
  /** How many location lookups arrived (to see the relay's cache at work). */
  lookups: number;
  close(): Promise<void>;
}

export async function startFakeHighLevel(tokens: Record<string, string[]>): Promise<FakeHighLevel> {
  const fake = { lookups: 0 } as FakeHighLevel;
  const server = http.createServer((request, response) => {
    const match = /^\/locations\/([^/?]+)$/.exec(request.url ?? '');
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!match || request.method !== 'GET') return void response.writeHead(404).end();
    fake.lookups += 1;
    if (request.headers.version !== '2021-07-28') return void response.writeHead(400).end();
    if (!token || !tokens[token]) return void response.writeHead(401).end();
    const locationId = decodeURIComponent(match[1]!);
    if (!tokens[token]!.includes(locationId)) return void response.writeHead(403).end();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ location: { id: locationId, name: 'Test location' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
