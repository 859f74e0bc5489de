// One SWC configuration for the build (scripts/build.js) and for Jest (@swc/jest).
// Path aliases come from tsconfig.json so there is one source of truth.
const path = require('node:path');
const tsconfig = require('../tsconfig.json');

const root = path.resolve(__dirname, '..');

function swcOptions({ sourceMaps = true } = {}) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
    module: { type: 'commonjs' },
    sourceMaps,
  };
}

module.exports = { swcOptions, root };
