#!/usr/bin/env node
// `npm run start:<service>`: build with SWC, then run one service (apps/<service>) alone.
// Every service needs DATABASE_URL (one PostgreSQL: the event store's tables in public, the
// service's own tables in the schema named after it, created on first boot); local runs
// default to AUTH_MODE=dev like `npm start`. SKIP_BUILD=1 reuses dist/ (start several services
// after one build without the builds racing on dist/).
const path = require('node:path');
const { build } = require('./build');
const { root } = require('./swc-options');

const SERVICES = ['inspection', 'workflow', 'discipline', 'audit'];
const service = process.argv[2];
if (!SERVICES.includes(service)) {
  process.stderr.write(`[start-service] usage: node scripts/start-service.js <${SERVICES.join('|')}>\n`);
  process.exit(2);
}
if (!process.env.AUTH_MODE) process.env.AUTH_MODE = 'dev';
process.setSourceMapsEnabled(true);

(process.env.SKIP_BUILD === '1' ? Promise.resolve() : build())
  .then(() => require(path.join(root, `dist/apps/${service}/src/main.js`)))
  .catch((error) => {
    process.stderr.write(`[start-service] ${error.stack || error}\n`);
    process.exit(1);
  });
