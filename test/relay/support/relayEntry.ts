// relay/main.ts bundled by esbuild into one script for a child process, so that tests need no
// prior `npm run build`. Packages stay external and resolve from the project's node_modules.
import { buildSync } from 'esbuild';
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '../../..');

export function bundleRelayEntry(): string {
  const outDir = fs.mkdtempSync(path.join(root, 'node_modules', '.relay-test-'));
  const outfile = path.join(outDir, 'main.js');
  buildSync({
    entryPoints: [path.join(root, 'relay', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}
