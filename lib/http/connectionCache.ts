// z.cache scoped to the connection: what one HighLevel connection learns (its custom fields, what
// it remembers of a business's member list) is never read by another. Core's z.cache takes a scope
// (zapier-platform-core src/tools/create-cache.js) although its published type omits it. A cache
// that fails costs a request, never the step: reads answer undefined and writes are dropped.
import type { ZObject } from 'zapier-platform-core';

const CONNECTION_SCOPE = ['auth'];

type ScopedCache = {
  get(key: string, scope: string[]): Promise<unknown>;
  set(key: string, value: unknown, ttlSeconds: number, scope: string[]): Promise<unknown>;
};

const scoped = (z: ZObject) => z.cache as unknown as ScopedCache;

/** The value stored under `key` for this connection, or undefined (none, expired, or failed). */
export const readConnectionCache = (z: ZObject, key: string): Promise<unknown> =>
  scoped(z)
    .get(key, CONNECTION_SCOPE)
    .catch(() => undefined);

/** Stores `value` under `key` for this connection for `ttlSeconds`. */
export const writeConnectionCache = async (
  z: ZObject,
  key: string,
  value: unknown,
  ttlSeconds: number,
): Promise<void> => {
  await scoped(z)
    .set(key, value, ttlSeconds, CONNECTION_SCOPE)
    .catch(() => null);
};
