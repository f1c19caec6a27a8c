// Inlines `$ref`s (local and `../common/common-schemas.json#/...`) into a self-contained copy, so
// that the copy can be transformed freely without touching the vendored documents.
import path from 'path';
import { JsonObject, SpecDocument } from './load';

export function dereference(
  schema: unknown,
  from: SpecDocument,
  byFile: Map<string, SpecDocument>,
  seen: string[] = [],
): unknown {
  if (Array.isArray(schema)) return schema.map((item) => dereference(item, from, byFile, seen));
  if (!schema || typeof schema !== 'object') return schema;
  const object = schema as JsonObject;
  const ref = object.$ref;
  if (typeof ref === 'string') {
    const { doc, pointer } = resolveRefTarget(ref, from, byFile);
    const key = `${doc.file}#${pointer}`;
    // A cyclic schema cannot be inlined; accept anything there rather than loop forever.
    if (seen.includes(key)) return {};
    return dereference(readPointer(doc.json, pointer), doc, byFile, [...seen, key]);
  }
  const copy: JsonObject = {};
  for (const [name, value] of Object.entries(object)) {
    copy[name] = dereference(value, from, byFile, seen);
  }
  return copy;
}

function resolveRefTarget(
  ref: string,
  from: SpecDocument,
  byFile: Map<string, SpecDocument>,
): { doc: SpecDocument; pointer: string } {
  const [filePart, pointer = ''] = ref.split('#');
  if (!filePart) return { doc: from, pointer };
  const file = path.posix.normalize(path.posix.join(path.posix.dirname(from.file), filePart));
  const doc = byFile.get(file);
  if (!doc) throw new Error(`Unresolvable $ref ${ref} in ${from.file}`);
  return { doc, pointer };
}

function readPointer(json: JsonObject, pointer: string): unknown {
  let node: unknown = json;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as JsonObject)[part] : undefined;
  }
  if (node === undefined) throw new Error(`Dangling JSON pointer ${pointer}`);
  return node;
}
