// `npm run relay`: one relay with the environment's settings until SIGTERM or SIGINT, which finish
// the deliveries in flight before exiting.
import v8 from 'v8';
import { startRelay } from './index';
import { RELAY_NODE_OPTIONS } from './nodeOptions';

// PostgreSQL's WebAssembly (the embedded store) is compiled once by V8's baseline compiler; by
// default V8 then recompiles its hot functions with its optimizing compiler in the background,
// which held about 400 MB more while it ran (relay RSS after a 4,000-event burst: 320-840 MB with
// it, 300-370 MB without), for no measurable gain in acknowledged events per second. Set before
// the store starts, so it applies to its thread too (V8 flags are per process).
v8.setFlagsFromString('--liftoff-only');
// After each full collection V8 lets a heap grow by up to 4× its live size before the next: after
// 2,000 events the relay's main heap held 34 MB for 25 MB live, the store thread's 25-29 MB for
// 13 MB. Growing by at most 30% held about 17 MB less (bench/relay.ts, memory: 223 → 206 MB), for
// a few more full collections (main thread: 2 → 6 in a 4,000-event burst). V8 reads this flag at
// each collection, so setting it here applies to both threads.
v8.setFlagsFromString('--heap-growing-percent=30');

async function main(): Promise<void> {
  const relay = await startRelay();
  relay.app.log.info({ url: relay.url, store: relay.db.engine }, 'relay listening');
  const missing = RELAY_NODE_OPTIONS.filter((option) => !process.execArgv.includes(option));
  if (missing.length > 0) {
    relay.app.log.warn(
      { missing },
      "node was started without the relay's options: it holds more memory",
    );
  }
  // For a parent process that started it (childProcess.ts), whatever the log level.
  if (process.env.RELAY_ANNOUNCE === '1') process.stdout.write(`RELAY_URL=${relay.url}\n`);
  const stop = (signal: string) => {
    relay.app.log.info({ signal }, 'relay stopping');
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exit(1);
});
