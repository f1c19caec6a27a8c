// A stand-in for ZAPIER, not for HighLevel: the RPC endpoint through which zapier-platform-core's
// z.cursor keeps a paging trigger's cursor between "load more" pages. Core's app tester has no
// cursor store (shared notes, zapier-platform.md §0 item 8), so a dropdown run outside Zapier
// cannot save its cursor. The `npm start` demo points core's RPC client here (`event.rpc_base`)
// instead. It lives beside the sandbox only because the demo already runs one server; it is no
// part of HighLevel's API: no token, no rate limit, no request log, and nothing is persisted.
import { ApiResult } from './http/io';

export const ZAPIER_RPC_PATH = '/__zapier/rpc/cli';

interface RpcCall {
  id?: unknown;
  storeKey?: unknown;
  method?: unknown;
  params?: unknown;
}

/** Zapier's cursor store: one cursor per storeKey (per paging trigger of a Zap). */
export class CursorStore {
  private readonly cursors = new Map<string, string>();

  /** Answers one RPC call as Zapier would: `{ id, result }`, or `{ id, error }` it cannot do. */
  answer(headers: Record<string, string | string[] | undefined>, body: unknown): ApiResult {
    const call = (body ?? {}) as RpcCall;
    const reply = (content: Record<string, unknown>, status = 200): ApiResult => ({
      status,
      body: { id: call.id, ...content },
    });
    // Core sends its deploy key (or a run's token); Zapier refuses a call without either.
    if (!headers['x-deploy-key'] && !headers['x-token']) {
      return reply({ error: 'RPC calls need an X-Deploy-Key or X-Token header.' }, 401);
    }
    const storeKey = typeof call.storeKey === 'string' ? call.storeKey : '';
    const params = Array.isArray(call.params) ? call.params : [];
    if (call.method !== 'get_cursor' && call.method !== 'set_cursor') {
      return reply({ error: `The Zapier stand-in does not implement ${String(call.method)}.` });
    }
    // Zapier gives a storeKey only to triggers with canPaginate; others have no cursor.
    if (!storeKey) return reply({ error: 'This operation has no cursor (no storeKey).' });
    if (call.method === 'set_cursor') {
      this.cursors.set(storeKey, String(params[0] ?? ''));
      return reply({ result: null });
    }
    return reply({ result: this.cursors.get(storeKey) ?? null });
  }
}
