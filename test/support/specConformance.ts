// Checked after every unit test: each request the app sent to (nocked) HighLevel must be one that
// HighLevel's official OpenAPI spec accepts — right route, Version header, parameters and body with
// no undeclared properties, and one Content-Type. This is what keeps nock fixtures honest about the wire contract.
import { validateRequest } from '../../sandbox/spec';

const API_HOST = 'services.leadconnectorhq.com';
const problems: string[] = [];

type InterceptedRequest = {
  method?: string;
  path?: string;
  headers?: Record<string, string | string[]>;
  options?: { host?: string; hostname?: string };
  getHeader?: (name: string) => unknown;
};

const headerValue = (value: unknown): string =>
  Array.isArray(value) ? value.join(', ') : String(value ?? '');

/** Listener for a nock scope's 'request' event (test/support/app.ts attaches it to every scope). */
export const checkAgainstSpec = (req: InterceptedRequest, _interceptor: unknown, body: string) => {
  const host = req.options?.hostname ?? req.options?.host ?? '';
  if (!host.startsWith(API_HOST)) return;
  const url = new URL(req.path ?? '/', `https://${API_HOST}`);
  if (url.pathname === '/oauth/token') return; // form-encoded; covered by the authentication tests
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length > 1 ? values : (values[0] as string);
  }
  const headers = Object.fromEntries(
    Object.entries(req.headers ?? {}).map(([name, value]) => [
      name.toLowerCase(),
      headerValue(value),
    ]),
  );
  // Two Content-Type headers (or two values merged into one) are not a request HighLevel must read.
  const contentTypes = Object.entries(req.headers ?? {})
    .filter(([name]) => name.toLowerCase() === 'content-type')
    .flatMap(([, value]) => headerValue(value).split(','));
  if (contentTypes.length > 1) {
    problems.push(
      `${req.method} ${url.pathname}: Content-Type sent twice (${contentTypes.join(',')})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = body ? JSON.parse(body) : undefined;
  } catch {
    parsed = body;
  }
  const check = validateRequest({
    method: req.method ?? 'GET',
    path: url.pathname,
    query,
    headers,
    body: parsed,
  });
  if (!check.ok) {
    problems.push(
      `${req.method} ${url.pathname}${url.search} → ${check.status}: ${check.errors.join('; ')}`,
    );
  }
};

afterEach(() => {
  const found = problems.splice(0);
  if (found.length > 0) {
    throw new Error(`Requests that HighLevel's spec rejects:\n${found.join('\n')}`);
  }
});
