// Jest transformer for dependencies that ship only as ES modules (NestJS 12, jose):
// Jest's CommonJS sandbox cannot require() them on Node 20, so SWC rewrites them to CommonJS.
// `import.meta.url` has no CommonJS equivalent in SWC's output; it becomes the file's URL.
const { transformSync } = require('@swc/core');
const { createHash } = require('node:crypto');

const IMPORT_META_URL = /\bimport\.meta\.url\b/g;

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update('esm-to-cjs-v2').update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const withUrl = source.replace(IMPORT_META_URL, "new URL('file://' + __filename).href");
    const { code, map } = transformSync(withUrl, {
      filename,
      swcrc: false,
      sourceMaps: true,
      module: { type: 'commonjs', importInterop: 'node' },
      jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
    });
    return { code, map };
  },
};
