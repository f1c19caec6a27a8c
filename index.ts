// The app definition: the HighLevel connection, the HTTP pipeline, and every trigger, action and
// search by key.
import zapier, { defineApp } from 'zapier-platform-core';
import authentication from './authentication';
import creates from './creates';
import { httpPipeline } from './lib/http/pipeline';
import packageJson from './package.json';
import searches from './searches';
import searchOrCreates from './searches/searchOrCreates';
import triggers from './triggers';

export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  ...httpPipeline,
  triggers,
  creates,
  searches,
  searchOrCreates,
});
