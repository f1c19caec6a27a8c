// relay/main.ts bundled by esbuild into one script for a child process, so that tests need no
// prior `npm run build`, with the embedded store's thread script beside it (where the relay looks
// for it, as in dist/). Packages stay external and resolve from the project's node_modules.
import { buildSync } from 'esbuild';
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '../../..');

export function bundleRelayEntry(): string {
  const outDir = fs.mkdtempSync(path.join(root, 'node_modules', '.relay-test-'));
  const outfile = path.join(outDir, 'main.js');
  for (const [source, out] of [
    [path.join(root, 'relay', 'main.ts'), outfile],
    [
      path.join(root, 'relay', 'store', 'embeddedThread.ts'),
      path.join(outDir, 'embeddedThread.js'),
    ],
  ]) {
    buildSync({
      entryPoints: [source!],
      bundle: true,
      platform: 'node',
      target: 'node20',
      packages: 'external',
      outfile: out,
      logLevel: 'silent',
    });
  }
  return outfile;
}
