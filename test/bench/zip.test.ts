import { devOnlyEntries, listZipEntries, packagesIn, type ZipEntry } from '../../bench/zip';

/** A minimal zip of stored (uncompressed) files, as the spec lays it out. */
function storedZip(files: Record<string, string>, comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

const entry = (name: string): ZipEntry => ({ name, size: 1, compressedSize: 1 });

describe('listZipEntries', () => {
  it('lists every entry with its sizes, in order', () => {
    const zip = storedZip({ 'index.js': 'module.exports = {};', 'dist/a.js': 'x' });
    expect(listZipEntries(zip)).toEqual([
      { name: 'index.js', compressedSize: 20, size: 20 },
      { name: 'dist/a.js', compressedSize: 1, size: 1 },
    ]);
  });

  it('finds the directory behind an archive comment', () => {
    const zip = storedZip({ 'a.txt': 'a' }, 'built by the bench');
    expect(listZipEntries(zip).map((e) => e.name)).toEqual(['a.txt']);
  });

  it('refuses something that is not a zip', () => {
    expect(() => listZipEntries(Buffer.from('not a zip at all, just text'))).toThrow(/Not a zip/);
  });
});

describe('packagesIn', () => {
  it('names each package once, scoped and nested ones included', () => {
    const entries = [
      'node_modules/zod/index.cjs',
      'node_modules/zod/package.json',
      'node_modules/@zapier/secret-scrubber/lib/index.js',
      'node_modules/form-data/node_modules/mime-db/db.json',
      'dist/index.js',
    ].map(entry);
    expect(packagesIn(entries)).toEqual([
      'node_modules/@zapier/secret-scrubber',
      'node_modules/form-data/node_modules/mime-db',
      'node_modules/zod',
    ]);
  });
});

describe('devOnlyEntries', () => {
  it('finds the project’s sandbox, scripts, bench and tests, not packages with such folders', () => {
    const entries = [
      'dist/index.js',
      'dist/sandbox/server.js',
      'dist/bench/run.js',
      'scripts/demo.ts',
      'test/e2e/tour.test.ts',
      'node_modules/somepkg/test/fixture.js',
    ].map(entry);
    expect(devOnlyEntries(entries)).toEqual([
      'dist/sandbox/server.js',
      'dist/bench/run.js',
      'scripts/demo.ts',
      'test/e2e/tour.test.ts',
    ]);
  });
});
