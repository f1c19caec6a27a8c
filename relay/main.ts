// `npm run relay`: one relay with the environment's settings until SIGTERM or SIGINT, which finish
// the deliveries in flight before exiting.
import v8 from 'v8';
import { startRelay } from './index';

// PostgreSQL's WebAssembly (the embedded store) is compiled once by V8's baseline compiler; by
// default V8 then recompiles its hot functions with its optimizing compiler in the background,
// which held about 400 MB more while it ran (relay RSS after a 4,000-event burst: 320-840 MB with
// it, 300-370 MB without), for no measurable gain in acknowledged events per second. Set before
// the store starts, so it applies to its thread too (V8 flags are per process).
v8.setFlagsFromString('--liftoff-only');

async function main(): Promise<void> {
  const relay = await startRelay();
  relay.app.log.info({ url: relay.url, store: relay.db.engine }, 'relay listening');
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
