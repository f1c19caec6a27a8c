// The HTTP pipeline every request of the app goes through: HighLevel's headers and the scope check
// on the way out, HighLevel's errors mapped to Zapier errors on the way back. index.ts puts it
// together with the connection and the operations; tests register single operations on top of it.
import { addHighLevelHeaders, refuseScopesNotGranted, throwForHighLevelErrors } from './middleware';

export const httpPipeline = {
  beforeRequest: [addHighLevelHeaders, refuseScopesNotGranted],
  afterResponse: [throwForHighLevelErrors],
  // 429s reach throwForHighLevelErrors, which reads HighLevel's X-RateLimit-* delay.
  flags: { throwForThrottlingEarly: false },
};
