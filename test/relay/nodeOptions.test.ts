// Every way of starting the relay gives `node` the same options (relay/nodeOptions.ts): the npm
// script, the container and spawnRelayProcess (which the bench and the crash tests use).
import fs from 'fs';
import { RELAY_NODE_OPTIONS } from '../../relay/nodeOptions';
import { fromRoot } from '../../scripts/paths';

const ENTRY = 'dist/relay/main.js';

test("package.json's relay script starts node with the relay's options", () => {
  const pkg = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  expect(pkg.scripts.relay).toContain(['node', ...RELAY_NODE_OPTIONS, ENTRY].join(' '));
});

test("the Dockerfile's CMD starts node with the relay's options", () => {
  const dockerfile = fs.readFileSync(fromRoot('relay', 'Dockerfile'), 'utf8');
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
  expect(JSON.parse(cmd ?? 'null')).toEqual(['node', ...RELAY_NODE_OPTIONS, ENTRY]);
});
