// The HTTP pipeline every request of the app goes through: HighLevel's headers and the scope check
// on the way out, HighLevel's errors mapped to Zapier errors on the way back. index.ts puts it
// together with the connection and the operations; tests register single operations on top of it.
import { addHighLevelHeaders, refuseScopesNotGranted, throwForHighLevelErrors } from './middleware';

export const httpPipeline = {
  beforeRequest: [addHighLevelHeaders, refuseScopesNotGranted],
  afterResponse: [throwForHighLevelErrors],
  flags: {
    // 429s reach throwForHighLevelErrors, which reads HighLevel's X-RateLimit-* delay.
    throwForThrottlingEarly: false,
    // Every request of the app goes through z.request, which core logs itself. Core's patch of
    // node's http module (create-http-patch.js) would log, on every invocation, only core's own
    // calls to Zapier's store (z.cursor, z.cache): their user-agent "zapier-platform-core/…" slips
    // past its "Zapier" filter, so each was re-read and scrubbed for secrets, about 1 ms of CPU
    // per call and 2 to 3 ms per poll (bench/overhead.ts), and filled the Zap's log with them.
    skipHttpPatch: true,
  },
};
