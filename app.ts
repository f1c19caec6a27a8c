// The app definition for one connection: the same triggers, actions and searches on either, over
// the same HTTP pipeline. index.ts picks the connection when the app is built; tests, the tour
// and the demo load either app with appFor.
import zapier, { defineApp } from 'zapier-platform-core';
import { oauthConnection } from './authentication';
import creates from './creates';
import type { Connection, ConnectionKind } from './lib/connection/kinds';
import { privateTokenConnection } from './lib/connection/privateToken';
import { httpPipeline } from './lib/http/pipeline';
import packageJson from './package.json';
import searches from './searches';
import searchOrCreates from './searches/searchOrCreates';
import triggers from './triggers';

type Trigger = (typeof triggers)[keyof typeof triggers];

/**
 * HighLevel sends webhooks only to Marketplace apps (OAuth), never for Private Integration
 * Tokens, so that build leaves out every instant (hook) trigger, whichever exist.
 */
const triggersFor = (kind: ConnectionKind): Record<string, Trigger> =>
  kind === 'oauth'
    ? triggers
    : Object.fromEntries(
        Object.entries(triggers).filter(
          ([, trigger]) => (trigger.operation as { type?: string }).type !== 'hook',
        ),
      );

export const appWith = (connection: Connection) =>
  defineApp({
    version: packageJson.version,
    platformVersion: zapier.version,
    authentication: connection.authentication,
    ...httpPipeline,
    afterResponse: [...(connection.afterResponse ?? []), ...httpPipeline.afterResponse],
    triggers: triggersFor(connection.kind),
    creates,
    searches,
    searchOrCreates,
  });

/** Either build's app, for code that runs both (tests, the tour, the demo); never bundled. */
export const appFor = (kind: ConnectionKind) =>
  appWith(kind === 'private-token' ? privateTokenConnection : oauthConnection);
