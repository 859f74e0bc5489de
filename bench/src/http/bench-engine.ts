import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@rectify/testing';
import { DEMO_OFFICIAL_IDS, DEMO_UNIT_IDS } from '../../../apps/engine/src/demo/demo-organisation';
import { startEngineProcess, type EngineProcess } from './engine-process';

export interface BenchEngine {
  /** The engine's own process: its RSS is the engine's alone (no harness, no load generator). */
  process: EngineProcess;
  baseUrl: string;
  /** A dev token (AUTH_MODE=dev) for `sub` in `role`. */
  token(role: string, sub: string): Promise<string>;
  /** POST with a JSON body; throws unless 2xx. */
  post(path: string, token: string, key: string, body: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * The real engine as deployed (dist/apps/engine/src/main.js, validated config, the node flags of
 * scripts/engine-node-flags.js) in its own process on `databaseUrl`, listening on 127.0.0.1,
 * AUTH_MODE=dev with auth on, the demo organisation seeded (DEMO_SEED=true).
 */
export async function startBenchEngine(databaseUrl: string): Promise<BenchEngine> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rectify-bench-engine-')); // only the dev token secret
  const baseUrl = `http://127.0.0.1:${port}`;
  const engineProcess = await startEngineProcess(
    { DATABASE_URL: databaseUrl, AUTH_MODE: 'dev', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', NODE_ENV: 'development',
      DATA_DIR: dataDir, DEMO_SEED: 'true' },
    `${baseUrl}/health`,
  ).catch((error: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const post: BenchEngine['post'] = async (path, token, key, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    process: engineProcess,
    baseUrl,
    async token(role, sub) {
      const response = await fetch(`${baseUrl}/api/v1/dev/token`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub, role }),
      });
      if (!response.ok) throw new Error(`dev token: ${response.status}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    post,
    async close() {
      await engineProcess.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a surprise inspection of UBND phường Điện Biên by the demo city team; returns its id. */
export async function openDemoInspection(engine: BenchEngine, inspectorToken: string, key: string): Promise<string> {
  const inspection = await engine.post('/inspections', inspectorToken, key, {
    kind: 'surprise', unitId: DEMO_UNIT_IDS.dienBienWard, teamId: DEMO_UNIT_IDS.cityInspectionTeam,
    startedAt: new Date().toISOString(),
  });
  return inspection.id as string;
}

export const BENCH_USERS = {
  inspector: { role: 'inspector', sub: DEMO_OFFICIAL_IDS.cityInspector1 },
  unitHead: { role: 'unit_head', sub: DEMO_OFFICIAL_IDS.dienBienChairman },
} as const;

export const RESPONSIBLE_OFFICIAL = DEMO_OFFICIAL_IDS.dienBienJusticeOfficer;
