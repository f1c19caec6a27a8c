import { errors } from 'zapier-platform-core';
import { estimateOneByOneMs, maxSearchesFor, throttleDelayOf, waitsFor } from '../../bench/limits';

describe('maxSearchesFor', () => {
  it('allows one first page plus one request per 500 changes', () => {
    expect(maxSearchesFor(100)).toBe(2);
    expect(maxSearchesFor(1_000)).toBe(3);
    expect(maxSearchesFor(5_000)).toBe(11);
  });
});

describe('throttleDelayOf', () => {
  it('reads the delay out of a ThrottledError', () => {
    expect(throttleDelayOf(new errors.ThrottledError('slow down', 10))).toBe(10);
  });

  it('ignores every other error', () => {
    expect(throttleDelayOf(new Error('{"delay": 10}'))).toBeUndefined();
    expect(throttleDelayOf('ThrottledError')).toBeUndefined();
  });

  it('ignores a ThrottledError without a usable delay', () => {
    const error = new Error('not json');
    error.name = 'ThrottledError';
    expect(throttleDelayOf(error)).toBeUndefined();
  });
});

describe('one-by-one estimate', () => {
  const limit = { max: 100, windowMs: 10_000 };

  it('needs one wait per full window after the first', () => {
    expect(waitsFor(100, limit)).toBe(0);
    expect(waitsFor(101, limit)).toBe(1);
    expect(waitsFor(1_000, limit)).toBe(9);
  });

  it('adds the waits to the time of every request, throttled retries included', () => {
    expect(estimateOneByOneMs(200, 10, limit)).toBe(201 * 10 + 10_000);
    expect(estimateOneByOneMs(1_000, 10, limit)).toBe(1_009 * 10 + 90_000);
  });
});
