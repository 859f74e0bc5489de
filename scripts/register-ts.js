// Lets plain Node require .ts files through SWC (used by Jest's global setup and scripts).
const Module = require('node:module');
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

module.exports = function registerTs(swcOptions) {
  if (Module._extensions['.ts']) return;
  const options = swcOptions({ sourceMaps: 'inline' });
  Module._extensions['.ts'] = function compileTs(module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    const { code } = transformSync(source, { ...options, filename, swcrc: false });
    module._compile(code, filename);
  };
};
