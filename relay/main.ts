// `npm run relay`: one relay with the environment's settings until SIGTERM or SIGINT, which finish
// the deliveries in flight before exiting.
import { startRelay } from './index';

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
