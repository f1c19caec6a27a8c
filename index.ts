// The app Zapier runs. Its connection is chosen when the app is built: scripts/bundle.ts replaces
// process.env.HIGHLEVEL_AUTH with the build's value, so the bundle holds only that connection
// (`HIGHLEVEL_AUTH=private-token npm run build`; unset, the OAuth build). See app.ts.
import { oauthConnection } from './authentication';
import { appWith } from './app';
import { privateTokenConnection } from './lib/connection/privateToken';

export default appWith(
  process.env.HIGHLEVEL_AUTH === 'private-token' ? privateTokenConnection : oauthConnection,
);
