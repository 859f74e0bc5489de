#!/usr/bin/env node
// Compiles apps/** and libs/** (not *.spec.ts, not *.d.ts) with SWC into dist/, same relative
// paths, and copies non-TS assets (e.g. .sql) next to them. No type checking: `npm run typecheck`.
const fs = require('node:fs');
const path = require('node:path');
const { transformFile } = require('@swc/core');
const { swcOptions, root } = require('./swc-options');

const SOURCE_DIRS = ['apps', 'libs'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.data', 'coverage']);
const distDir = path.join(root, 'dist');

function walk(dir, files = []) {
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files);
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

const isSpec = (file) => /\.spec\.ts$/.test(file);
const isTs = (file) => file.endsWith('.ts') && !file.endsWith('.d.ts');

async function build({ quiet = false } = {}) {
  const started = process.hrtime.bigint();
  const files = SOURCE_DIRS.flatMap((dir) => walk(path.join(root, dir)));
  // Clean outputs of the compiled trees so deleted sources leave nothing behind.
  for (const dir of SOURCE_DIRS) fs.rmSync(path.join(distDir, dir), { recursive: true, force: true });
  const options = { ...swcOptions({ sourceMaps: true }), swcrc: false, configFile: false };
  let compiled = 0;
  let copied = 0;
  await Promise.all(
    files.map(async (file) => {
      const target = path.join(distDir, path.relative(root, file));
      if (isTs(file)) {
        if (isSpec(file)) return;
        const out = target.replace(/\.ts$/, '.js');
        const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: path.relative(path.dirname(out), file) });
        await fs.promises.mkdir(path.dirname(out), { recursive: true });
        await fs.promises.writeFile(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
        if (map) await fs.promises.writeFile(`${out}.map`, map);
        compiled++;
      } else if (!file.endsWith('.d.ts')) {
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        await fs.promises.copyFile(file, target);
        copied++;
      }
    }),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!quiet) process.stdout.write(`[build] ${compiled} files compiled, ${copied} assets copied to dist/ in ${ms.toFixed(0)} ms\n`);
  return { compiled, copied, ms };
}

module.exports = { build };

if (require.main === module) {
  build().catch((error) => {
    process.stderr.write(`[build] failed: ${error.stack || error}\n`);
    process.exit(1);
  });
}
