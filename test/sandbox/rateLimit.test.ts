import { RateLimiter } from '../../sandbox/rateLimit';
import { startSandbox } from '../../sandbox/server';
import { SEED } from '../../sandbox/seedData';
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
      // The refused request did not use up any budget.
      expect(limited.headers.get('x-ratelimit-daily-remaining')).toBe('199995');
      expect(limited.headers.get('retry-after')).toBeNull();
      // The other location has its own budget; admin routes are never limited.
      const other = client(sandbox, sandbox.issueTokens(SEED.locations.bright).access_token);
      expect((await other('GET', `/locations/${SEED.locations.bright}`)).status).toBe(200);
      expect((await fetch(`${sandbox.url}/__sandbox/requests`)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('lets requests through again once the earlier ones are windowMs old', async () => {
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

  it('counts per key (unit)', () => {
    const limiter = new RateLimiter({ max: 2, windowMs: 1000 });
    expect(limiter.take('a', 0)['X-RateLimit-Remaining']).toBe('1');
    expect(limiter.take('a', 10)['X-RateLimit-Remaining']).toBe('0');
    expect(() => limiter.take('a', 20)).toThrow('Too many requests');
    expect(limiter.take('b', 20)['X-RateLimit-Remaining']).toBe('1');
  });

  it('slides the window: a request frees its slot exactly windowMs after it arrived (unit)', () => {
    const limiter = new RateLimiter({ max: 2, windowMs: 1000 });
    limiter.take('a', 0);
    limiter.take('a', 600);
    expect(() => limiter.take('a', 999)).toThrow('Too many requests');
    expect(limiter.take('a', 1000)['X-RateLimit-Remaining']).toBe('0'); // the one at 0 left
    expect(() => limiter.take('a', 1599)).toThrow('Too many requests'); // 600 and 1000 still in
    expect(limiter.take('a', 1600)['X-RateLimit-Remaining']).toBe('0');
  });

  it('never lets more than 100 through in any 10 s span, even across a boundary (unit)', () => {
    const limiter = new RateLimiter(); // HighLevel's 100 per 10 s
    const outcome = (at: number) => {
      try {
        limiter.take('location', at);
        return 'ok';
      } catch {
        return '429';
      }
    };
    // One request at 0 and 99 just before t = 10 s, then 100 just after it: fixed windows of
    // 10 s from t = 0 would let all 200 through, 199 of them within 200 ms.
    expect(outcome(0)).toBe('ok');
    const late = Array.from({ length: 99 }, (_, i) => outcome(9_900 + i));
    const early = Array.from({ length: 100 }, (_, i) => outcome(10_000 + i));
    expect(late.every((o) => o === 'ok')).toBe(true);
    // Only the slot of the request at 0 is free again: the other 99 are still inside the window.
    expect(early.filter((o) => o === 'ok')).toHaveLength(1);
    expect(early[0]).toBe('ok');
    expect(outcome(19_899)).toBe('429');
    expect(outcome(19_900)).toBe('ok'); // 10 s after the first of the 99
  });

  it('answers a 429 whose X-RateLimit-* headers say no budget is left (unit)', () => {
    const limiter = new RateLimiter({ max: 1, windowMs: 5000 });
    limiter.take('a', 0);
    try {
      limiter.take('a', 1);
      throw new Error('expected a 429');
    } catch (error) {
      expect((error as { status: number }).status).toBe(429);
      expect((error as { headers: Record<string, string> }).headers).toEqual({
        'X-RateLimit-Limit-Daily': '200000',
        'X-RateLimit-Daily-Remaining': '199999',
        'X-RateLimit-Interval-Milliseconds': '5000',
        'X-RateLimit-Max': '1',
        'X-RateLimit-Remaining': '0',
      });
    }
  });
});
