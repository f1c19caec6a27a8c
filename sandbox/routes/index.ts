// Every implemented spec operation, by operationId.
import { OAuthConfig } from '../auth/grants';
import { contactTagRoutes } from './contactTags';
import { contactRoutes } from './contacts';
import { Handler } from './context';
import { lookupRoutes } from './lookups';
import { membershipRoutes } from './memberships';
import { noteRoutes } from './notes';
import { locationTokenRoute } from './oauthToken';
import { taskRoutes } from './tasks';

export function buildRouteTable(config: OAuthConfig): Record<string, Handler> {
  return {
    ...contactRoutes,
    ...contactTagRoutes,
    ...taskRoutes,
    ...noteRoutes,
    ...membershipRoutes,
    ...lookupRoutes,
    'get-location-access-token': locationTokenRoute(config),
  };
}
