// A relay in a child process (for the bench and end-to-end tests that kill it): started with
// `node <options> <main.js>` (the options every start of the relay uses) and the given settings as
// environment variables; resolves once it listens.
import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { RELAY_NODE_OPTIONS } from './nodeOptions';

export interface RelayProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM: finishes the deliveries in flight, then exits. */
  stop(): Promise<number | string>;
}

export async function spawnRelayProcess(
  env: Record<string, string>,
  options: { entry?: string; timeoutMs?: number } = {},
): Promise<RelayProcess> {
  const entry = options.entry ?? path.join(__dirname, 'main.js');
  const child = spawn(process.execPath, [...RELAY_NODE_OPTIONS, entry], {
    env: { ...process.env, RELAY_LOG_LEVEL: 'warn', ...env, RELAY_ANNOUNCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the relay did not start: ${output.slice(-2000)}`)),
      options.timeoutMs ?? 60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^RELAY_URL=(\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the relay exited (${code}): ${output.slice(-2000)}`));
    });
  });
  // Keep draining its output so that a full pipe never blocks it.
  child.stdout!.resume();
  child.stderr!.resume();
  return {
    url,
    child,
    exited,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
