import { RateLimiter } from '../../sandbox/rate-limit';
import { startSandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seed-data';
import { client } from './helpers';

const path = `/locations/${SEED.locations.acme}`;

describe('rate limiting per location', () => {
  it('answers the request past `max` inside the window with 429 and X-RateLimit headers', async () => {
    const sandbox = await startSandbox({ rateLimit: { max: 5, windowMs: 60_000 } });
    try {
      const call = client(sandbox, sandbox.issueTokens().access_token);
      const replies = [];
      for (let i = 0; i < 6; i++) replies.push(await call('GET', path));
      expect(replies.slice(0, 5).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(replies[0]!.headers.get('x-ratelimit-remaining')).toBe('4');
      expect(replies[4]!.headers.get('x-ratelimit-remaining')).toBe('0');
      const limited = replies[5]!;
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ statusCode: 429, message: 'Too many requests' });
      expect(limited.headers.get('x-ratelimit-max')).toBe('5');
      expect(limited.headers.get('x-ratelimit-interval-milliseconds')).toBe('60000');
      expect(limited.headers.get('x-ratelimit-limit-daily')).toBe('200000');
      expect(limited.headers.get('x-ratelimit-daily-remaining')).toBe('199994');
      expect(limited.headers.get('retry-after')).toBeNull();
      // The other location has its own budget; admin routes are never limited.
      const other = client(sandbox, sandbox.issueTokens(SEED.locations.bright).access_token);
      expect((await other('GET', `/locations/${SEED.locations.bright}`)).status).toBe(200);
      expect((await fetch(`${sandbox.url}/__sandbox/requests`)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('opens a new window after windowMs', async () => {
    const sandbox = await startSandbox({ rateLimit: { max: 2, windowMs: 300 } });
    try {
      const call = client(sandbox, sandbox.issueTokens().access_token);
      await call('GET', path);
      await call('GET', path);
      expect((await call('GET', path)).status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect((await call('GET', path)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('uses HighLevel defaults: the 101st request within 10 s is refused', async () => {
    const sandbox = await startSandbox();
    try {
      const call = client(sandbox, sandbox.issueTokens().access_token);
      const statuses = await Promise.all(Array.from({ length: 101 }, () => call('GET', path)));
      const counts = statuses.reduce<Record<number, number>>((acc, r) => {
        acc[r.status] = (acc[r.status] ?? 0) + 1;
        return acc;
      }, {});
      expect(counts).toEqual({ 200: 100, 429: 1 });
      expect(statuses[0]!.headers.get('x-ratelimit-max')).toBe('100');
      expect(statuses[0]!.headers.get('x-ratelimit-interval-milliseconds')).toBe('10000');
      // OAuth is not limited either.
      const token = await fetch(`${sandbox.url}/oauth/token`, { method: 'POST' });
      expect(token.status).not.toBe(429);
    } finally {
      await sandbox.close();
    }
  });

  it('can be switched off at runtime (no 429, no headers)', async () => {
    const sandbox = await startSandbox({ rateLimit: { max: 1, windowMs: 60_000 } });
    try {
      const call = client(sandbox, sandbox.issueTokens().access_token);
      await call('GET', path);
      expect((await call('GET', path)).status).toBe(429);
      sandbox.setRateLimit(false);
      const reply = await call('GET', path);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('x-ratelimit-remaining')).toBeNull();
    } finally {
      await sandbox.close();
    }
  });

  it('counts per key in fixed windows (unit)', () => {
    const limiter = new RateLimiter({ max: 2, windowMs: 1000 });
    expect(limiter.take('a', 0)['X-RateLimit-Remaining']).toBe('1');
    limiter.take('a', 10);
    expect(() => limiter.take('a', 20)).toThrow('Too many requests');
    expect(limiter.take('b', 20)['X-RateLimit-Remaining']).toBe('1');
    expect(limiter.take('a', 1000)['X-RateLimit-Remaining']).toBe('1');
  });
});
