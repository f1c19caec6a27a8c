// The app definition: the HighLevel connection plus every trigger, action and search by key.
import { defineApp } from 'zapier-platform-core';
import creates from './creates';
import { appBase } from './lib/appBase';
import searches from './searches';
import searchOrCreates from './searches/searchOrCreates';
import triggers from './triggers';

export default defineApp({
  ...appBase,
  triggers,
  creates,
  searches,
  searchOrCreates,
});
