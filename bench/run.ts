// `npm run bench`: speed, request cost and burst recall of the app, each against its baseline,
// printed as one table and written to bench/results.json. Loopback only; a few minutes on 2 cores.
// `node dist/bench/run.js polling overhead` runs only the named measurements.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { measureArtifact } from './artifact';
import { measureBulk } from './bulk';
import { measureColdStart } from './coldStart';
import { measureOverhead } from './overhead';
import { fromRoot } from '../scripts/paths';
import { measurePolling } from './polling';
import { measureRelay } from './relay';
import { renderTable, summary, type Figure } from './table';

type Log = (line: string) => void;
type Measurement = (log: Log) => Promise<{ figures: Figure[]; raw: unknown }>;

// The artifact build recompiles dist/ (the CLI runs `_zapier-build`), so it goes last.
const MEASUREMENTS: Array<[string, Measurement]> = [
  ['coldStart', measureColdStart],
  ['polling', measurePolling],
  ['overhead', measureOverhead],
  ['bulk', measureBulk],
  ['relay', measureRelay],
  ['artifact', measureArtifact],
];

const log: Log = (line) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const selected = MEASUREMENTS.filter(([name]) => wanted.length === 0 || wanted.includes(name));
  const started = Date.now();
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};
  for (const [name, measure] of selected) {
    log(`${name}…`);
    const measureStarted = Date.now();
    try {
      const result = await measure(log);
      figures.push(...result.figures);
      raw[name] = result.raw;
    } catch (error) {
      // One broken measurement must not hide the others' figures.
      const message = error instanceof Error ? error.message : String(error);
      figures.push({
        section: name,
        metric: 'measurement',
        value: message.slice(0, 160),
        target: 'runs',
        verdict: 'FAIL',
      });
      raw[name] = { error: message };
    }
    log(`${name} done in ${((Date.now() - measureStarted) / 1000).toFixed(1)} s`);
  }

  const totals = summary(figures);
  const results = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
    },
    totals,
    figures,
    raw,
  };
  process.stdout.write(renderTable(figures));
  process.stdout.write(
    `\n${totals.pass} passed, ${totals.fail} failed, ${totals.info} for information; ` +
      `${results.durationSeconds} s on ${results.machine.cpus} CPUs, Node ${process.version}.\n`,
  );
  // A partial run (named measurements) must not overwrite the full results.
  const file =
    wanted.length === 0
      ? fromRoot('bench', 'results.json')
      : path.join(os.tmpdir(), 'bench-partial.json');
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`Raw figures written to ${file}`);
}

main().then(
  // Keep-alive sockets of the app's HTTP agent would otherwise hold the process open.
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
