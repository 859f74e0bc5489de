#!/usr/bin/env node
// `npm start`: build with SWC, then run the engine in this process.
// Local runs default to AUTH_MODE=dev (dev token endpoint); the bare app defaults to oidc.
const path = require('node:path');
const { build } = require('./build');
const { root } = require('./swc-options');

if (!process.env.AUTH_MODE) process.env.AUTH_MODE = 'dev';
process.setSourceMapsEnabled(true);

build()
  .then(() => require(path.join(root, 'dist/apps/engine/src/main.js')))
  .catch((error) => {
    process.stderr.write(`[start] ${error.stack || error}\n`);
    process.exit(1);
  });
