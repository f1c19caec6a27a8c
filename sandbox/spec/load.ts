// Loads the vendored HighLevel OpenAPI documents once per process.
import fs from 'fs';
import path from 'path';

export type JsonObject = Record<string, unknown>;

export interface SpecDocument {
  /** File name without extension, e.g. "contacts". */
  app: string;
  /** Path of the file relative to vendor/ghl-openapi, used to resolve relative $refs. */
  file: string;
  json: JsonObject;
}

/**
 * Walks up from this file until a directory holds package.json and the vendored specs. That works
 * from ts-jest (sandbox/spec/load.ts) and from the compiled output (dist/sandbox/spec/load.js),
 * where `dist/` may hold a copied package.json (the app imports it) but no vendor folder.
 */
export function findProjectRoot(startDir: string = __dirname): string {
  let dir = startDir;
  for (;;) {
    const isRoot =
      fs.existsSync(path.join(dir, 'package.json')) &&
      fs.existsSync(path.join(dir, 'vendor', 'ghl-openapi'));
    if (isRoot) return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`No package.json with vendor/ghl-openapi above ${startDir}`);
    dir = parent;
  }
}

export function specDirectory(): string {
  return path.join(findProjectRoot(), 'vendor', 'ghl-openapi');
}

let cached: { apps: SpecDocument[]; byFile: Map<string, SpecDocument> } | undefined;

/** All `apps/*.json` documents plus `common/common-schemas.json`, keyed by their relative path. */
export function loadSpecDocuments(): { apps: SpecDocument[]; byFile: Map<string, SpecDocument> } {
  if (cached) return cached;
  const root = specDirectory();
  const byFile = new Map<string, SpecDocument>();
  const apps: SpecDocument[] = [];
  for (const name of fs.readdirSync(path.join(root, 'apps')).sort()) {
    if (!name.endsWith('.json')) continue;
    const file = `apps/${name}`;
    const doc = { app: name.replace(/\.json$/, ''), file, json: readJson(path.join(root, file)) };
    apps.push(doc);
    byFile.set(file, doc);
  }
  const common = 'common/common-schemas.json';
  byFile.set(common, { app: 'common', file: common, json: readJson(path.join(root, common)) });
  cached = { apps, byFile };
  return cached;
}

function readJson(file: string): JsonObject {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonObject;
}
