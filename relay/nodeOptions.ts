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
// scavenging about three times as often: in interleaved runs of 4,000 events on 2 shared cores,
// about 5% fewer acknowledged events per second (757 → 704/s, 3 pairs; without this option the
// other settings cost nothing measurable: 751/s). The one setting here that trades speed for memory.
export const RELAY_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];
