// A real PostgreSQL server for the store's tests and the bench: postgresServer.mjs in a child
// process (see there, also for running as root).
import { spawn } from 'child_process';
import path from 'path';
import { Client } from 'pg';

export interface TestPostgres {
  /** postgres://… of a fresh, empty database. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
  /** The process that runs the server (the server's processes are its descendants). */
  pid: number;
}

export async function startTestPostgres(
  script = path.join(__dirname, 'postgresServer.mjs'),
): Promise<TestPostgres> {
  const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const serverUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) =>
      reject(new Error(`PostgreSQL did not start (exit ${code}): ${stderr.slice(-2000)}`)),
    );
  });
  let count = 0;
  return {
    pid: child.pid!,
    createDatabase: async () => {
      const name = `relay_${process.pid}_${(count += 1)}`;
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return serverUrl.replace(/\/postgres$/, `/${name}`);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
