import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startTestEngine, type TestEngine } from '../../support/test-engine';

export interface WebTestEngine extends TestEngine {
  /** http://127.0.0.1:<free port> */
  baseUrl: string;
}

/** Builds the web app if its sources changed (scripts/build-web.js; serialised by a lock). */
export function buildWebApp(): void {
  execFileSync(process.execPath, [join(__dirname, '../../../scripts/build-web.js')], { stdio: 'pipe' });
}

/**
 * The whole engine on its own database with the demo organisation, listening on a free
 * 127.0.0.1 port and serving the built web app at `/`.
 */
export async function startWebTestEngine(): Promise<WebTestEngine> {
  buildWebApp();
  const engine = await startTestEngine({ env: { DEMO_SEED: 'true' } });
  await engine.app.listen(0, '127.0.0.1');
  await engine.catchUp();
  const { port } = engine.app.getHttpServer().address() as AddressInfo;
  return { ...engine, baseUrl: `http://127.0.0.1:${port}` };
}
