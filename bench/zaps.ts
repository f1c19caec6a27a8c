// Zaps as Zapier runs them: each polls through core's Lambda handler with its own storeKey (its
// own z.cursor) and Zapier's dedupe, against the harness's sandbox and a Zapier stand-in.
import zapier from 'zapier-platform-core';
import App from '../index';
import { ZAP_META, type Harness } from './harness';
import type { ZapierStandIn } from './zapierStandIn';

// Core's Lambda handler exits the process once it has run 250 invocations while holding 450 MB
// (src/tools/memory-checker.js): right on Zapier, which starts a new process and retries; wrong
// here, where one process runs thousands of polls beside sandboxes holding 50,000 contacts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const coreConstants = require('zapier-platform-core/src/constants') as { KILL_MAX_LIMIT: number };
coreConstants.KILL_MAX_LIMIT = Number.POSITIVE_INFINITY;

type Handler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;
// Exported by core (its Lambda handler) but not in its typings.
const { createAppHandler } = zapier as unknown as {
  createAppHandler: (app: object) => Handler;
};
const handlers = new Map<object, Handler>();
const handlerFor = (app: object): Handler => {
  let handler = handlers.get(app);
  if (!handler) handlers.set(app, (handler = createAppHandler(app)));
  return handler;
};

export type Item = { id: string; contactId?: string };

export interface Zap {
  /** Zapier's first poll (isPopulatingDedupe): what it returns is recorded, never fired. */
  turnOn(): Promise<Item[]>;
  /** One poll: what it returned and what fired (ids this Zap had not seen). */
  poll(): Promise<{ returned: Item[]; fired: Item[] }>;
  fired: Item[];
}

let zaps = 0;

/**
 * A Zap on trigger `key` with `inputData`, on the harness's connection; `app` is the definition
 * it runs (default: the whole app).
 */
export function zapOn(
  harness: Harness,
  standIn: ZapierStandIn,
  key: string,
  inputData: Record<string, unknown> = {},
  app: object = App,
): Zap {
  // Core sends RPC calls only with a deploy key; the stand-in accepts any.
  process.env.ZAPIER_DEPLOY_KEY = process.env.ZAPIER_DEPLOY_KEY || 'bench-stand-in';
  zaps += 1;
  const storeKey = `zap-${zaps}-${key}`;
  const seen = new Set<string>();
  const fired: Item[] = [];
  const run = async (meta: Record<string, unknown>) => {
    const { results } = await handlerFor(app)({
      command: 'execute',
      method: `triggers.${key}.operation.perform`,
      bundle: { authData: harness.authData, inputData, meta: { ...ZAP_META, ...meta } },
      storeKey,
      rpc_base: standIn.url,
    });
    return results as Item[];
  };
  return {
    fired,
    turnOn: async () => {
      const items = await run({ isPopulatingDedupe: true });
      for (const item of items) seen.add(item.id);
      return items;
    },
    poll: async () => {
      const returned = await run({});
      const now = returned.filter((item) => !seen.has(item.id) && Boolean(seen.add(item.id)));
      fired.push(...now);
      return { returned, fired: now };
    },
  };
}
