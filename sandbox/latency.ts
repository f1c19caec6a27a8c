// How long the sandbox takes to answer, so that polling can be measured and tested at the page
// times HighLevel really has (loopback answers in milliseconds; HighLevel in hundreds of them, a
// page of 500 contacts in seconds). One delay for every API route, and per-route delays that
// override it. From the environment: SANDBOX_LATENCY_MS=150 (every route) and
// SANDBOX_ROUTE_LATENCY_MS="POST /contacts/search=1500; GET /contacts/business/{businessId}=2500".
// Control routes (/__sandbox/*) and the Zapier stand-in never wait.
import { matchTemplate, splitPath } from './spec/operations';

export interface RouteLatency {
  /** Any method when absent. */
  method?: string;
  /** An exact path or a template (`/contacts/{contactId}`). */
  path: string;
  ms: number;
}

export interface LatencyConfig {
  /** Every API route waits this long (default 0)… */
  allMs: number;
  /** …unless a route here matches (the first that does). */
  routes: RouteLatency[];
}

export const NO_LATENCY: LatencyConfig = { allMs: 0, routes: [] };

const milliseconds = (value: string, name: string): number => {
  const ms = Number(value.trim());
  if (!Number.isFinite(ms) || ms < 0)
    throw new Error(`${name} must be a number of milliseconds ≥ 0, not "${value}"`);
  return ms;
};

/** "POST /contacts/search=1500" → a route latency. */
const routeLatencyOf = (entry: string): RouteLatency => {
  const [route = '', ms = ''] = entry.split('=');
  const parts = route.trim().split(/\s+/);
  const path = parts.pop() ?? '';
  if (!path.startsWith('/')) {
    throw new Error(
      `SANDBOX_ROUTE_LATENCY_MS entries look like "POST /contacts/search=1500", not "${entry}"`,
    );
  }
  return {
    ...(parts[0] ? { method: parts[0].toUpperCase() } : {}),
    path,
    ms: milliseconds(ms, route.trim()),
  };
};

/** The latency the environment asks for (none when it asks for nothing). */
export const latencyFromEnv = (env: NodeJS.ProcessEnv): LatencyConfig => ({
  allMs: env.SANDBOX_LATENCY_MS ? milliseconds(env.SANDBOX_LATENCY_MS, 'SANDBOX_LATENCY_MS') : 0,
  routes: (env.SANDBOX_ROUTE_LATENCY_MS ?? '')
    .split(/[;,]/)
    .filter((entry) => entry.trim())
    .map(routeLatencyOf),
});

/** The sandbox's current latency, changeable while it runs. */
export class Latency {
  constructor(private config: LatencyConfig = NO_LATENCY) {}

  set(config: Partial<LatencyConfig>): LatencyConfig {
    this.config = { allMs: config.allMs ?? 0, routes: config.routes ?? [] };
    return this.config;
  }

  get(): LatencyConfig {
    return this.config;
  }

  /** How long a request to `method path` waits before it is answered. */
  delayFor(method: string, path: string): number {
    const segments = splitPath(path);
    const route = this.config.routes.find(
      (r) =>
        (!r.method || r.method === method.toUpperCase()) &&
        matchTemplate(splitPath(r.path), segments) !== undefined,
    );
    return route ? route.ms : this.config.allMs;
  }
}
