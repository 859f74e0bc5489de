import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as jose from 'jose';
import * as auth from './index';


const SECRET = 'a-dev-secret-that-is-long-enough-0123456789';
const now = () => Math.floor(Date.now() / 1000);

describe('DevTokenVerifier', () => {
  const verifier = new auth.DevTokenVerifier({ devTokenSecret: SECRET });
  const issuer = new auth.DevTokenIssuer({ devTokenSecret: SECRET });

  async function sign(claims: Record<string, unknown>, { secret = SECRET, iss = 'rectify-dev', exp = now() + 60 } = {}) {
    return new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('official-1')
      .setIssuer(iss)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));
  }

  it('accepts a token from the dev issuer and yields the actor', async () => {
    const { accessToken, tokenType, expiresIn } = await issuer.issue({ sub: 'official-1', role: 'unit_head', units: ['unit-7'] });
    expect({ tokenType, expiresIn }).toEqual({ tokenType: 'Bearer', expiresIn: 8 * 3600 });
    await expect(verifier.verify(accessToken)).resolves.toEqual({ id: 'official-1', role: 'unit_head', unitIds: ['unit-7'] });
  });

  it('rejects an expired token', async () => {
    await expect(verifier.verify(await sign({ role: 'inspector' }, { exp: now() - 120 }))).rejects.toMatchObject({
      name: 'TokenRejectedError',
      code: 'AUTH.TOKEN_EXPIRED',
    });
  });

  it('rejects a wrong signature', async () => {
    await expect(verifier.verify(await sign({ role: 'inspector' }, { secret: `${SECRET}-other` }))).rejects.toMatchObject({
      code: 'AUTH.TOKEN_INVALID',
      reason: 'signature verification failed',
    });
  });

  it('rejects a wrong issuer', async () => {
    await expect(verifier.verify(await sign({ role: 'inspector' }, { iss: 'someone-else' }))).rejects.toMatchObject({
      code: 'AUTH.TOKEN_INVALID',
      reason: expect.stringContaining('"iss"'),
    });
  });

  it('rejects a token without a role claim, or with an unknown role', async () => {
    await expect(verifier.verify(await sign({}))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID', reason: 'token has no role claim' });
    await expect(verifier.verify(await sign({ role: 'emperor' }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it("rejects the engine's own 'system' role in a token", async () => {
    await expect(verifier.verify(await sign({ role: 'system' }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('rejects garbage', async () => {
    await expect(verifier.verify('not.a.jwt')).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });
});

describe('OidcTokenVerifier', () => {
  let server: Server;
  let base: string;
  type SigningKey = Awaited<ReturnType<typeof jose.generateKeyPair>>['privateKey'];
  let privateKey: SigningKey;
  let otherKey: SigningKey;

  beforeAll(async () => {
    const pair = await jose.generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    otherKey = (await jose.generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await jose.exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks` }));
      else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const verifier = () => new auth.OidcTokenVerifier({ issuer: base, audience: 'rectify' });

  async function sign(claims: Record<string, unknown>, { key = privateKey, iss = base, aud = 'rectify', exp = now() + 60 } = {}) {
    return new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('user-9')
      .setIssuer(iss)
      .setAudience(aud)
      .setExpirationTime(exp)
      .sign(key);
  }

  it('accepts a valid token (JWKS discovered from the issuer); role from `role` or the first of `roles`', async () => {
    await expect(verifier().verify(await sign({ role: 'auditor', units: ['u1', 'u2'] }))).resolves.toEqual({
      id: 'user-9',
      role: 'auditor',
      unitIds: ['u1', 'u2'],
    });
    await expect(verifier().verify(await sign({ roles: ['board_member', 'admin'] }))).resolves.toEqual({ id: 'user-9', role: 'board_member' });
  });

  it('rejects expired, wrongly signed, wrong issuer, wrong audience and role-less tokens', async () => {
    const v = verifier();
    await expect(v.verify(await sign({ role: 'auditor' }, { exp: now() - 120 }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
    await expect(v.verify(await sign({ role: 'auditor' }, { key: otherKey }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(v.verify(await sign({ role: 'auditor' }, { iss: 'https://evil.example' }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(v.verify(await sign({ role: 'auditor' }, { aud: 'someone-else' }))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(v.verify(await sign({}))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID', reason: 'token has no role claim' });
  });

  it('reports an unreachable provider as unavailable, not as a bad token', async () => {
    const v = new auth.OidcTokenVerifier({ issuer: 'http://127.0.0.1:1', audience: 'rectify' });
    await expect(v.verify(await sign({ role: 'auditor' }))).rejects.toMatchObject({ code: 'AUTH.PROVIDER_UNAVAILABLE' });
  });
});
