// Both builds from one source (app.ts): the same operations on either connection, except the
// instant (hook) triggers, which HighLevel cannot feed for a Private Integration Token.
import { appFor } from '../app';
import oauth from '../authentication';
import privateToken from '../lib/connection/privateToken';

const keysOf = (section: Record<string, unknown> | undefined) => Object.keys(section ?? {}).sort();

describe('the two builds', () => {
  const oauthApp = appFor('oauth');
  const tokenApp = appFor('private-token');

  it('connect differently: OAuth, or a Private Integration Token', () => {
    expect(oauthApp.authentication).toBe(oauth);
    expect(tokenApp.authentication).toBe(privateToken);
  });

  it('leave the hook triggers out of the token build, and nothing else', () => {
    const triggers = (oauthApp.triggers ?? {}) as Record<string, { operation: { type?: string } }>;
    const hooks = keysOf(triggers).filter((key) => triggers[key]!.operation.type === 'hook');
    expect(hooks).toEqual(keysOf(triggers).filter((key) => key.endsWith('_instant')));
    expect(hooks).toHaveLength(9);
    expect(keysOf(tokenApp.triggers)).toEqual(
      keysOf(triggers).filter((key) => !hooks.includes(key)),
    );
    expect(keysOf(tokenApp.creates)).toEqual(keysOf(oauthApp.creates));
    expect(keysOf(tokenApp.creates)).toContain('api_request');
    expect(keysOf(tokenApp.searches)).toEqual(keysOf(oauthApp.searches));
    expect(tokenApp.searchOrCreates).toBe(oauthApp.searchOrCreates);
  });

  it('share the HTTP pipeline; the token build reads HighLevel refusals of its token first', () => {
    expect(tokenApp.beforeRequest).toEqual(oauthApp.beforeRequest);
    const [first, ...rest] = [tokenApp.afterResponse].flat();
    expect(first?.name).toBe('explainRefusedToken');
    expect(rest).toEqual([oauthApp.afterResponse].flat());
  });
});
