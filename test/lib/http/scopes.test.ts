// The scope the app expects each endpoint to need is the one HighLevel's OpenAPI spec declares:
// a wrong entry would refuse a step that HighLevel allows, or miss one it refuses.
import { SCOPES } from '../../../lib/http/config';
import { requiredScope } from '../../../lib/http/scopes';
import { listOperationDefinitions } from '../../../sandbox/spec/operations';

const LOOKUPS = [
  '/locations/{locationId}',
  '/locations/{locationId}/tags',
  '/locations/{locationId}/customFields',
  '/users/search',
  '/businesses/',
  '/campaigns/',
  '/workflows/',
];

/** Every contacts operation, and the GET of each lookup the dropdowns and the label use. */
const operationsTheAppCalls = listOperationDefinitions().filter(
  (op) => op.app === 'contacts' || (op.method === 'GET' && LOOKUPS.includes(op.path)),
);

/** The scope a location token needs, as the spec's `security` declares it. */
const declaredScope = (security: Array<Record<string, string[]>>): string | undefined =>
  security
    .flatMap((entry) =>
      Object.entries(entry).filter(
        ([scheme]) => scheme === 'bearer' || scheme.startsWith('Location'),
      ),
    )
    .flatMap(([, scopes]) => scopes)[0];

describe('requiredScope', () => {
  it('covers every contacts operation and lookup', () => {
    expect(operationsTheAppCalls.length).toBeGreaterThanOrEqual(32 + LOOKUPS.length);
  });

  it.each(operationsTheAppCalls.map((op) => [op.method, op.path, op.security] as const))(
    '%s %s needs the scope the spec declares',
    (method, path, security) => {
      expect(requiredScope(method, path)).toBe(declaredScope(security ?? []));
    },
  );

  it('only ever asks for scopes the app requests when connecting', () => {
    for (const op of operationsTheAppCalls) {
      const scope = requiredScope(op.method, op.path);
      if (scope) expect(SCOPES).toContain(scope);
    }
  });
});
