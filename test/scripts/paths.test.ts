import fs from 'fs';
import os from 'os';
import path from 'path';
import { findProjectRoot } from '../../scripts/paths';

describe('findProjectRoot', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-paths-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('skips the package.json tsc copies into dist/ and stops at the one with a lock file', () => {
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    fs.writeFileSync(path.join(root, 'package-lock.json'), '{}');
    fs.mkdirSync(path.join(root, 'dist', 'bench'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'package.json'), '{}');
    expect(findProjectRoot(path.join(root, 'dist', 'bench'))).toBe(root);
  });

  it('finds this project from the bench sources', () => {
    const here = findProjectRoot(path.join(__dirname, '..', '..', 'bench'));
    expect(fs.existsSync(path.join(here, 'package-lock.json'))).toBe(true);
    expect(here).toBe(path.resolve(__dirname, '..', '..'));
  });
});
