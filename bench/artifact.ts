// Artifact size: the Zapier build of the project against a bare zapier-platform-core app built by
// the same CLI the same way (`build --skip-dep-install --skip-validation`), offline.
//
// With --skip-dep-install the CLI zips the project folder as it is, and its preset patterns take
// every package.json under node_modules, dev packages included (zapier-platform-cli
// src/utils/build.js, walkDirWithPatterns). So three builds are made:
// - bare: a temp folder with a bare app and a copy of exactly core's installed dependency tree;
// - shipped: a temp folder with the compiled app and a copy of exactly its production dependency
//   tree, which is what `zapier-platform push` uploads (it runs `npm install --production` in a
//   temp copy first). This one is held to the target;
// - project: `npx zapier-platform build` in the checkout itself, as the brief asks, for reference.
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { cliNode, fromRoot, projectRoot } from '../scripts/paths';
import { round } from './stats';
import { verdict, type Figure } from './table';
import { devOnlyEntries, listZipEntries, packagesIn, type ZipEntry } from './zip';

const TARGET_RATIO = 1.25;
const CORE = 'zapier-platform-core';
const BUILD_TIMEOUT_MS = 5 * 60_000;
const BUILD_FLAGS = ['build', '--skip-dep-install', '--skip-validation'];

type Manifest = {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

// No update check against the npm registry and no analytics to Zapier: loopback only.
const cliEnv = (extra: Record<string, string> = {}) => ({
  ...process.env,
  NO_UPDATE_NOTIFIER: '1',
  DISABLE_ZAPIER_ANALYTICS: '1',
  // The CLI needs Node 22: node_modules/.bin first, so `#!/usr/bin/env node` finds it.
  PATH: `${fromRoot('node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
  ...extra,
});

function run(cwd: string, command: string, args: string[], env = cliEnv()): void {
  const result = spawnSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    timeout: BUILD_TIMEOUT_MS,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-5);
    throw new Error(
      `build in ${cwd} failed (${result.status ?? result.signal}): ${output.join(' ')}`,
    );
  }
}

/** Builds a staged temp app with the project's CLI and returns its build.zip. */
function buildStaged(dir: string): Buffer {
  const cli = fromRoot('node_modules', 'zapier-platform-cli', 'src', 'bin', 'run');
  // The CLI skips the `_zapier-build` script when it believes it runs inside it: dist/ is
  // already compiled, and the staged folder has no TypeScript to compile it with.
  run(dir, cliNode(), [cli, ...BUILD_FLAGS], cliEnv({ npm_lifecycle_event: '_zapier-build' }));
  return fs.readFileSync(path.join(dir, 'build', 'build.zip'));
}

/** The installed folder of `name` as Node would resolve it from `fromDir`. */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; dir.startsWith(projectRoot); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === projectRoot) break;
  }
  return undefined;
}

/** `names` and everything they depend on, as installed here (nested copies included). */
function dependencyTree(names: string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string, from: string) => {
    const dir = packageDir(name, from);
    if (!dir || found.has(dir)) return;
    found.add(dir);
    const manifest = readJson<Manifest>(path.join(dir, 'package.json'));
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }))
      visit(dep, dir);
  };
  for (const name of names) visit(name, projectRoot);
  return [...found];
}

/** A temp folder filled by `populate`, with a copy of the installed tree of `dependencies`. */
function stage(prefix: string, populate: (dir: string) => void, dependencies: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  populate(dir);
  for (const source of dependencyTree(dependencies)) {
    // Nested node_modules are copied as packages of their own, only when the tree needs them.
    const nested = path.join(source, 'node_modules');
    fs.cpSync(source, path.join(dir, path.relative(projectRoot, source)), {
      recursive: true,
      filter: (file) => file !== nested,
    });
  }
  return dir;
}

const bareApp = (): string =>
  stage(
    'bench-bare-app-',
    (dir) => {
      const coreVersion = readJson<Manifest>(fromRoot('package.json')).dependencies?.[CORE];
      const manifest = { name: 'bare-core-app', version: '1.0.0', private: true, main: 'index.js' };
      fs.writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ ...manifest, dependencies: { [CORE]: coreVersion } }),
      );
      fs.writeFileSync(
        path.join(dir, 'index.js'),
        `const zapier = require('${CORE}');\n` +
          `module.exports = { version: require('./package.json').version, platformVersion: zapier.version };\n`,
      );
    },
    [CORE],
  );

/** The compiled app with its production dependencies (not the optional CLI's Node 22). */
const shippedApp = (): string =>
  stage(
    'bench-shipped-app-',
    (dir) => {
      for (const name of ['index.js', 'package.json', '.zapierapprc', 'dist']) {
        if (fs.existsSync(fromRoot(name))) {
          fs.cpSync(fromRoot(name), path.join(dir, name), { recursive: true });
        }
      }
    },
    Object.keys(readJson<Manifest>(fromRoot('package.json')).dependencies ?? {}),
  );

function buildIn(staged: () => string): Buffer {
  const dir = staged();
  try {
    return buildStaged(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Production packages in package-lock.json (not dev), and which of them are optional. */
function lockfilePackages() {
  const lock = readJson<{ packages: Record<string, { dev?: boolean; optional?: boolean }> }>(
    fromRoot('package-lock.json'),
  );
  const production = Object.entries(lock.packages).filter(
    ([key, info]) => key.startsWith('node_modules/') && !info.dev,
  );
  return {
    production: production.length,
    optional: production.filter(([, info]) => info.optional).map(([key]) => key),
  };
}

interface Zip {
  bytes: number;
  entries: ZipEntry[];
  packages: string[];
}

const readZip = (buffer: Buffer): Zip => {
  const entries = listZipEntries(buffer);
  return { bytes: buffer.length, entries, packages: packagesIn(entries) };
};

const kib = (bytes: number) => `${round(bytes / 1024, 1).toLocaleString('en-US')} KiB`;
const shortName = (pkg: string) => pkg.replace(/^.*node_modules\//, '');

export async function measureArtifact(log: (line: string) => void) {
  log('  bare core app: staging core’s dependency tree and building');
  const bare = readZip(buildIn(bareApp));
  log('  shipped app: staging dist/ and the production dependency tree and building');
  const shipped = readZip(buildIn(shippedApp));
  log('  project: npx zapier-platform build (recompiles dist/ through _zapier-build)');
  run(projectRoot, 'npx', ['zapier-platform', ...BUILD_FLAGS]);
  const project = readZip(fs.readFileSync(fromRoot('build', 'build.zip')));

  const ratio = shipped.bytes / bare.bytes;
  const leaked = [
    ...new Set([...devOnlyEntries(shipped.entries), ...devOnlyEntries(project.entries)]),
  ];
  const lock = lockfilePackages();
  const added = shipped.packages.filter((name) => !bare.packages.includes(name));
  const appFiles = project.entries.filter((entry) => !entry.name.includes('node_modules/'));
  const figures: Figure[] = [
    {
      section: 'Artifact',
      metric: 'build.zip: shipped app vs bare core app',
      value: `${kib(shipped.bytes)} vs ${kib(bare.bytes)} (${shipped.entries.length} vs ${bare.entries.length} entries)`,
      target: '—',
      verdict: 'INFO',
      note:
        'both built with zapier-platform build --skip-dep-install --skip-validation in a temp ' +
        'folder holding only their production dependency tree, copied from this install (offline)',
    },
    {
      section: 'Artifact',
      metric: 'ratio shipped app / bare (bytes)',
      value: `${round(ratio)}×`,
      target: `≤ ${TARGET_RATIO}×`,
      verdict: verdict(ratio <= TARGET_RATIO),
    },
    {
      section: 'Artifact',
      metric: 'packages the app adds to the zip',
      value: added.map(shortName).join(', ') || 'none',
      target: '—',
      verdict: 'INFO',
    },
    {
      section: 'Artifact',
      metric: 'build.zip built in the checkout',
      value: `${kib(project.bytes)}, ${round(project.bytes / bare.bytes)}× bare`,
      target: '—',
      verdict: 'INFO',
      note:
        `npx zapier-platform build --skip-dep-install --skip-validation in the project: it also ` +
        `takes every package.json under node_modules, dev packages too (${project.packages.length} ` +
        `packages vs ${shipped.packages.length} shipped), so it is larger than what push uploads`,
    },
    {
      section: 'Artifact',
      metric: 'production packages (package-lock)',
      value: `${lock.production} (optional: ${lock.optional.map(shortName).join(', ') || 'none'})`,
      target: '—',
      verdict: 'INFO',
    },
    {
      section: 'Artifact',
      metric: 'sandbox/scripts/bench/test files in zips',
      value: leaked.length ? leaked.slice(0, 3).join(', ') : `none (${appFiles.length} app files)`,
      target: 'none',
      verdict: verdict(leaked.length === 0),
    },
  ];
  const summaryOf = (zip: Zip) => ({
    bytes: zip.bytes,
    entries: zip.entries.length,
    packages: zip.packages,
  });
  return {
    figures,
    raw: {
      target: TARGET_RATIO,
      ratio,
      bare: summaryOf(bare),
      shipped: summaryOf(shipped),
      project: summaryOf(project),
      appFiles: appFiles.map((entry) => entry.name),
      leaked,
      lockfile: lock,
    },
  };
}
