// Options that must be given to `node` itself when it starts the relay: V8 sizes the main thread's
// heap before any of the relay's code runs, so they cannot be set from inside (relay/main.ts sets
// the ones V8 reads later). Every way of starting the relay passes the same list: package.json's
// `relay` script, relay/Dockerfile's CMD and spawnRelayProcess (childProcess.ts);
// test/relay/nodeOptions.test.ts checks that the three agree.
//
// --max-semi-space-size=4: V8 grows the main thread's young generation up to two 16 MB
// semi-spaces under the relay's allocation rate (request bodies, JSON, signatures), and keeps them.
// Two 4 MB semi-spaces held about 16 MB less after 2,000 events fanned out to 1,000 subscriptions
// (bench/relay.ts, memory: 206-207 → 190-196 MB with the other settings), at the price of
// scavenging about three times as often. On a quiet machine that costs nothing measurable (the
// bench's embedded figure, interleaved: 983 and 1,003/s with it, 989 and 1,010/s without); on 2
// busy cores about 5% of the acknowledged events per second (757 → 704/s, 3 pairs).
export const RELAY_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];
