// Cold start: loading the built app and creating its app tester in a fresh `node`, against a
// bare zapier-platform-core app (version + platformVersion, no operations) loaded the same way.
// Both require core first, so the difference is what the app itself loads (its modules, zod,
// libphonenumber-js). Timed inside the child from its first line, so Node's own boot (equal for
// both and not the app's doing) does not dilute the ratio; the whole process time is kept too.
import { execFileSync } from 'child_process';
import { fromRoot, projectRoot } from '../scripts/paths';
import { alternate, median, medianRatio, round } from './stats';
import { verdict, type Figure } from './table';

const RUNS = 15;
const TARGET_RATIO = 1.25;

const childScript = (loadApp: string) => `
const started = performance.now();
const zapier = require(${JSON.stringify(require.resolve('zapier-platform-core', { paths: [projectRoot] }))});
const app = ${loadApp};
zapier.createAppTester(app);
const loaded = performance.now();
process.stdout.write(JSON.stringify({ loadMs: loaded - started, sinceProcessStartMs: loaded }));
`;

const APP = childScript(`require(${JSON.stringify(fromRoot('index.js'))})`);
const BARE = childScript(`({ version: '1.0.0', platformVersion: zapier.version })`);

interface Sample {
  loadMs: number;
  sinceProcessStartMs: number;
}

function runChild(script: string): Sample {
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(out) as Sample;
}

export async function measureColdStart() {
  // One discarded run each, so the first sample does not pay for a cold file-system cache.
  runChild(APP);
  runChild(BARE);
  const app: Sample[] = [];
  const bare: Sample[] = [];
  const sample = (into: Sample[], script: string) => async () => {
    into.push(runChild(script));
    return 0;
  };
  await alternate(RUNS, [sample(app, APP), sample(bare, BARE)]);
  const appMs = app.map((s) => s.loadMs);
  const bareMs = bare.map((s) => s.loadMs);
  const ratio = medianRatio(appMs, bareMs);
  const processRatio = medianRatio(
    app.map((s) => s.sinceProcessStartMs),
    bare.map((s) => s.sinceProcessStartMs),
  );
  const figures: Figure[] = [
    {
      section: 'Cold start',
      metric: `load + createAppTester, median of ${RUNS}`,
      value: `app ${round(median(appMs), 1)} ms, bare core ${round(median(bareMs), 1)} ms`,
      target: '—',
      verdict: 'INFO',
      note: `each run is a fresh \`node\` (${process.version}), app and bare alternating`,
    },
    {
      section: 'Cold start',
      metric: 'ratio app / bare core (medians)',
      value: `${round(ratio)}×`,
      target: `≤ ${TARGET_RATIO}×`,
      verdict: verdict(ratio <= TARGET_RATIO),
    },
    {
      section: 'Cold start',
      metric: 'ratio incl. Node boot (medians)',
      value: `${round(processRatio)}×`,
      target: '—',
      verdict: 'INFO',
    },
  ];
  return { figures, raw: { runs: RUNS, app, bare, ratio, processRatio, target: TARGET_RATIO } };
}
