// Where things are. The build, the demo and the bench run compiled from dist/, so paths are found
// from the project root, never from the working directory: the nearest folder above this file with
// a package.json and a package-lock.json (tsc copies package.json into dist/, but not the lock file).
import fs from 'fs';
import path from 'path';

export function findProjectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const isRoot = ['package.json', 'package-lock.json'].every((file) =>
      fs.existsSync(path.join(dir, file)),
    );
    if (isRoot) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json with a package-lock.json above ${start}`);
    dir = parent;
  }
}

export const projectRoot = findProjectRoot();
export const fromRoot = (...parts: string[]): string => path.join(projectRoot, ...parts);

/** The Node 22 binary the Zapier CLI needs (an optional dependency), else the current node. */
export const cliNode = (): string => {
  const bundled = fromRoot('node_modules', '.bin', 'node');
  return fs.existsSync(bundled) ? bundled : process.execPath;
};
