#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only=append,http,lag,catch-up]`: the benchmarks of issue 7.
// TypeScript runs through SWC registration (scripts/register-ts.js), no build step.
const registerTs = require('../scripts/register-ts');
const { swcOptions } = require('../scripts/swc-options');

registerTs(swcOptions);
process.setSourceMapsEnabled(true);
require('reflect-metadata');
require('./src/main.ts')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code ?? 0))
  .catch((error) => {
    process.stderr.write(`[bench] ${error.stack || error}\n`);
    process.exit(1);
  });
