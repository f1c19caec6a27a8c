// Everything about the app except its operations: version, connection, HTTP pipeline. index.ts
// adds the triggers, creates and searches; tests register single operations on top of this.
import zapier from 'zapier-platform-core';
import authentication from '../authentication';
import packageJson from '../package.json';
import { addHighLevelHeaders, refuseScopesNotGranted, throwForHighLevelErrors } from './middleware';

export const appBase = {
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  beforeRequest: [addHighLevelHeaders, refuseScopesNotGranted],
  afterResponse: [throwForHighLevelErrors],
  // 429s reach throwForHighLevelErrors, which reads HighLevel's X-RateLimit-* delay.
  flags: { throwForThrottlingEarly: false },
};
