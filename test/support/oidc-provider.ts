import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface OidcTestUser {
  role: string;
  units?: string[];
  name: string;
}

export interface OidcProviderOptions {
  clientId: string;
  audience: string;
  /** Redirect URIs of the public client (the web app's /auth/callback). */
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  users: Record<string, OidcTestUser>;
  /** Listen here (default: a free port). */
  port?: number;
}

export interface OidcTestProvider {
  issuer: string;
  /** The private signing key the provider uses now (first of its JWKS). */
  signingKey: JWK;
  /** Restarts the provider on the same port with a new signing key (new kid) first and the old one kept. */
  rotateKeys(): Promise<JWK>;
  close(): Promise<void>;
}

const FIXTURE = join(__dirname, 'oidc-provider-fixture.mjs');

/** An RS256 private JWK with a fresh kid. */
export async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: `test-${Math.random().toString(36).slice(2, 10)}`, alg: 'RS256', use: 'sig' };
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Runs oidc-provider (ESM-only) in a child process — outside Jest's module system — on a free
 * 127.0.0.1 port, and resolves once it listens.
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcTestProvider> {
  const port = options.port ?? (await freePort());
  let keys: JWK[] = [await newSigningKey()];
  let child = await launch(port, options, keys);
  return {
    issuer: `http://127.0.0.1:${port}`,
    get signingKey() {
      return keys[0];
    },
    async rotateKeys() {
      await stop(child);
      keys = [await newSigningKey(), ...keys];
      child = await launch(port, options, keys);
      return keys[0];
    },
    close: () => stop(child),
  };
}

function launch(port: number, options: OidcProviderOptions, keys: JWK[]): Promise<ChildProcess> {
  const config = { ...options, postLogoutRedirectUris: options.postLogoutRedirectUris ?? [], port, jwks: { keys } };
  const child = spawn(process.execPath, [FIXTURE], {
    env: { ...process.env, RECTIFY_OIDC_FIXTURE: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY ')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`oidc-provider fixture exited (${code}): ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
