// Lists a zip's entries from its central directory, so the bench needs no `unzip` binary.
// Enough for the CLI's build.zip (no zip64: far below 65,535 entries and 4 GiB).

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;

export function listZipEntries(zip: Buffer): ZipEntry[] {
  const earliest = Math.max(0, zip.length - EOCD_MIN_SIZE - MAX_COMMENT);
  let eocd = -1;
  for (let at = zip.length - EOCD_MIN_SIZE; at >= earliest; at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Error('Not a zip file: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`Bad zip entry ${i}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Distinct packages (`node_modules/name` or `node_modules/@scope/name`, nested too) in a zip. */
export const packagesIn = (entries: readonly ZipEntry[]): string[] => {
  const packages = new Set<string>();
  for (const { name } of entries) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(name);
    if (match) packages.add(match[1]!);
  }
  return [...packages].sort();
};

/** Entries that are the project's dev-only code and must never ship. */
export const devOnlyEntries = (entries: readonly ZipEntry[]): string[] =>
  entries
    .map((entry) => entry.name)
    .filter((name) => !name.includes('node_modules/'))
    .filter((name) => /(^|\/)(sandbox|scripts|bench|test|vendor|coverage)\//.test(name));
