// The shipped app is one file: dist/index.js, bundled from index.ts with zod and libphonenumber-js
// inside and zapier-platform-core left to Zapier's runtime. `tsc` has already type-checked
// everything and compiled the development tools; this overwrites its dist/index.js.
//
// The connection is chosen here: `HIGHLEVEL_AUTH=private-token` builds the Private Integration
// Token app, unset builds the OAuth app. process.env.HIGHLEVEL_AUTH becomes a constant in the
// bundle, so the other connection is dead code and esbuild leaves it out.
//
// Why bundle: `require('zod')` loads zod's whole CommonJS build (every locale included), which
// cost about 20% of core's own load time on every cold start and tripled what the app added to
// build.zip. Bundled from the ES modules with namespace imports (`import * as zod`), esbuild
// keeps only what the app calls. Identifiers are kept, so a stack trace in Zapier's logs still
// names the function that threw; the source map stays next to the bundle for local debugging
// (`node --enable-source-maps`) and is not shipped, as build.zip only takes required files.
import { build, type BuildOptions } from 'esbuild';
import fs from 'fs';
import { type ConnectionKind, connectionKindFrom } from '../lib/connection/kinds';
import { fromRoot } from './paths';

/** The bundled packages' licences travel inside the file that carries their code. */
const BUNDLED_LICENCES = [
  ['zod', 'LICENSE'],
  ['libphonenumber-js', 'LICENSE'],
  ['libphonenumber-js', 'LICENSE.Apache'], // its phone metadata comes from Google's libphonenumber
] as const;

const licenceBanner = (): string => {
  const notices = BUNDLED_LICENCES.map(([name, file]) => {
    const text = fs.readFileSync(fromRoot('node_modules', name, file), 'utf8').trim();
    return `${name} (${file}):\n\n${text.replace(/\*\//g, '* /')}`;
  });
  return `/*!\n * Bundled third-party code and its licences.\n\n${notices.join('\n\n')}\n */`;
};

/** How the shipped app is bundled (test/bundle.test.ts builds it in memory with the same). */
export const appBundleOptions = (
  kind: ConnectionKind = connectionKindFrom(process.env.HIGHLEVEL_AUTH),
): BuildOptions & { metafile: true } => ({
  entryPoints: [fromRoot('index.ts')],
  outfile: fromRoot('dist', 'index.js'),
  bundle: true,
  platform: 'node',
  target: 'node22', // the Node version Zapier runs core 19 apps on
  format: 'cjs',
  external: ['zapier-platform-core'],
  define: { 'process.env.HIGHLEVEL_AUTH': JSON.stringify(kind) },
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  banner: { js: licenceBanner() },
  logLevel: 'warning',
  metafile: true,
});

async function main(): Promise<void> {
  const kind = connectionKindFrom(process.env.HIGHLEVEL_AUTH);
  const result = await build(appBundleOptions(kind));
  const bytes = Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.bytes;
  process.stdout.write(`Bundled the ${kind} app into dist/index.js (${bytes} bytes)\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
