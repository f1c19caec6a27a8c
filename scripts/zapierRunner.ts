// Runs the app's functions the way core's app tester does, plus what the app tester lacks: a
// cursor store for paging dropdowns. Core's tester builds its own event with no `rpc_base`, so
// z.cursor calls Zapier's real RPC host and fails ("No deploy key found"). This runner builds the
// same event through core's public createAppHandler and points `rpc_base` at a stand-in for
// Zapier's RPC (the sandbox serves one, sandbox/zapier-rpc.ts), so "load more" works as on Zapier.
import zapier from 'zapier-platform-core';

export type AppTester = ReturnType<typeof zapier.createAppTester>;

type AppDefinition = object;
type AnyFunction = (...args: never[]) => unknown;
type Handler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;
// Exported by core (src/index.js: createAppHandler, the Lambda handler) but not in its typings.
const { createAppHandler } = zapier as unknown as {
  createAppHandler: (app: AppDefinition) => Handler;
};

/** Core finds a function by its dotted path in the app (`triggers.x.operation.perform`). */
const methodPaths = (
  node: unknown,
  path: string[] = [],
  found = new Map<AnyFunction, string>(),
): Map<AnyFunction, string> => {
  if (typeof node === 'function') {
    if (!found.has(node as AnyFunction)) found.set(node as AnyFunction, path.join('.'));
  } else if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) methodPaths(value, [...path, key], found);
  }
  return found;
};

/** Zapier gives a storeKey (a cursor) only to polling triggers that declare canPaginate. */
const pagesWithCursor = (app: AppDefinition, method: string): boolean => {
  const [section, key, part, name] = method.split('.');
  if (section !== 'triggers' || part !== 'operation' || name !== 'perform') return false;
  const { triggers } = app as {
    triggers?: Record<string, { operation?: { canPaginate?: boolean } }>;
  };
  return triggers?.[key ?? '']?.operation?.canPaginate === true;
};

/**
 * An app tester (same call shape as core's) whose z.cursor talks to `rpcUrl`. Core sends RPC
 * calls only with a deploy key; the stand-in accepts any, so a placeholder is set when none is.
 */
export const createZapierRunner = (app: AppDefinition, { rpcUrl }: { rpcUrl: string }) => {
  process.env.ZAPIER_DEPLOY_KEY = process.env.ZAPIER_DEPLOY_KEY || 'local-stand-in';
  const handler = createAppHandler(app);
  const paths = methodPaths(app);
  const zcacheTestObj = {}; // z.cache in memory, shared by the runs, as in core's app tester
  const run = async (func: AnyFunction, bundle: Record<string, unknown> = {}) => {
    const method = paths.get(func);
    if (!method) throw new Error('The function to run is not part of the app definition.');
    const response = await handler({
      command: 'execute',
      method,
      bundle,
      storeKey: pagesWithCursor(app, method) ? `local-${method}` : null,
      rpc_base: rpcUrl,
      zcacheTestObj,
    });
    return response.results;
  };
  return run as unknown as AppTester;
};
