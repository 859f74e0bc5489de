#!/usr/bin/env node
// `npm start`: build with SWC, then run the engine in this process.
// Local runs default to AUTH_MODE=dev (dev token endpoint); the bare app defaults to oidc.
const path = require('node:path');
const { build } = require('./build');
const { buildWeb } = require('./build-web');
const { root } = require('./swc-options');
const { ENGINE_V8_FLAGS } = require('./engine-node-flags');

if (!process.env.AUTH_MODE) process.env.AUTH_MODE = 'dev';
process.setSourceMapsEnabled(true);
// The engine runs in this process: its V8 flags (scripts/engine-node-flags.js) are set here,
// before the engine allocates; V8 reads the heap growing factor at every full GC.
for (const flag of ENGINE_V8_FLAGS) require('node:v8').setFlagsFromString(flag);

// The web app is rebuilt only when web/ changed (a hash check otherwise). Without Vite
// (e.g. `npm ci --omit=dev`) the API still starts; the web app is then not served.
const web = buildWeb().catch((error) => process.stderr.write(`[start] web app not built: ${error.message || error}\n`));

Promise.all([build(), web])
  .then(() => require(path.join(root, 'dist/apps/engine/src/main.js')))
  .catch((error) => {
    process.stderr.write(`[start] ${error.stack || error}\n`);
    process.exit(1);
  });
