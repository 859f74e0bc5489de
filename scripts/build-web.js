#!/usr/bin/env node
// Builds the web app (web/, Vite 7 + React 19, esbuild's automatic JSX) into dist/web.
// Skips the build when dist/web/.source-hash matches the hash of web/'s sources, so an
// unchanged tree costs only a hash (a few ms). `--force` rebuilds anyway.
// Concurrent builders (npm start and a test run, two Jest workers) serialise on a lock
// directory; the loser re-checks the hash and usually has nothing left to do.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const root = path.resolve(__dirname, '..');
const webDir = path.join(root, 'web');
const outDir = path.join(root, 'dist', 'web');
const lockDir = path.join(root, 'dist', '.web-build.lock');
const STAMP = '.source-hash';
const STALE_LOCK_MS = 5 * 60 * 1000;

function walk(dir, files = []) {
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, files);
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/** sha256 over web/'s files (path and content), this script and the Vite version. */
function sourceHash() {
  const hash = crypto.createHash('sha256');
  for (const file of walk(webDir).sort()) {
    hash.update(path.relative(webDir, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  hash.update(fs.readFileSync(__filename));
  try {
    hash.update(JSON.parse(fs.readFileSync(path.join(root, 'node_modules/vite/package.json'), 'utf8')).version);
  } catch {
    hash.update('no-vite');
  }
  return hash.digest('hex');
}

function isFresh(hash) {
  try {
    return fs.readFileSync(path.join(outDir, STAMP), 'utf8') === hash && fs.existsSync(path.join(outDir, 'index.html'));
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function withLock(work) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
      if (age > STALE_LOCK_MS) fs.rmSync(lockDir, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** @returns {Promise<{ built: boolean, ms: number }>} */
async function buildWeb({ force = false, quiet = false } = {}) {
  const started = Date.now();
  if (!force && isFresh(sourceHash())) return { built: false, ms: Date.now() - started };
  return withLock(async () => {
    const hash = sourceHash();
    if (!force && isFresh(hash)) return { built: false, ms: Date.now() - started };
    const { build } = await import('vite');
    const tmpDir = `${outDir}.tmp-${process.pid}`;
    await build({
      root: webDir,
      configFile: false,
      base: '/',
      logLevel: quiet ? 'warn' : 'info',
      esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
      build: { outDir: tmpDir, emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1000 },
    });
    fs.writeFileSync(path.join(tmpDir, STAMP), hash);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.renameSync(tmpDir, outDir);
    const ms = Date.now() - started;
    if (!quiet) process.stdout.write(`[build-web] web app built into dist/web in ${ms} ms\n`);
    return { built: true, ms };
  });
}

/** Vite dev server on :5173 with /api, /docs and /health proxied to the engine (ENGINE_URL). */
async function devServer() {
  const { createServer } = await import('vite');
  const target = process.env.ENGINE_URL || 'http://127.0.0.1:3000';
  const server = await createServer({
    root: webDir,
    configFile: false,
    esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
    server: { host: '127.0.0.1', port: 5173, proxy: { '/api': target, '/docs': target, '/health': target } },
  });
  await server.listen();
  server.printUrls();
}

module.exports = { buildWeb, sourceHash };

if (require.main === module) {
  const run = process.argv.includes('--dev') ? devServer() : buildWeb({ force: process.argv.includes('--force') });
  run.catch((error) => {
    process.stderr.write(`[build-web] failed: ${error.stack || error}\n`);
    process.exit(1);
  });
}
