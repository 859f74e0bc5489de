#!/usr/bin/env node
// Runs a command-line tool of the engine: builds with SWC, then requires dist/apps/engine/src/cli/<name>.js.
const path = require('node:path');
const { build } = require('./build');
const { root } = require('./swc-options');

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
  process.stderr.write('usage: node scripts/cli.js <tool-name>\n');
  process.exit(2);
}
// Same default as `npm start`: the tools read the engine's configuration, auth included.
if (!process.env.AUTH_MODE) process.env.AUTH_MODE = 'dev';
process.setSourceMapsEnabled(true);
build({ quiet: true })
  .then(() => require(path.join(root, 'dist/apps/engine/src/cli', `${name}.js`)))
  .catch((error) => {
    process.stderr.write(`[cli] ${error.stack || error}\n`);
    process.exit(1);
  });
