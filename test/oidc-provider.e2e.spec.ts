import { importJWK, SignJWT, type JWK } from 'jose';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { DEMO_OFFICIAL_IDS, DEMO_UNIT_IDS } from '../apps/engine/src/demo/demo-organisation';
import { codeFlowTokens } from './support/oidc-code-flow';
import { startOidcTestEngine, type OidcTestEngine } from './support/oidc-engine';
import { freePort, newSigningKey, startOidcProvider, type OidcTestProvider } from './support/oidc-provider';

/**
 * AUTH_MODE=oidc against a real OpenID Provider (oidc-provider, run by test/support): tokens come
 * from the authorization-code flow with PKCE (login on the provider's page, public client,
 * RFC 8707 resource = the engine's audience) and are verified by the engine against the
 * provider's discovered JWKS.
 */
const AUDIENCE = 'urn:rectify:api';
const CLIENT_ID = 'rectify-web';
const REDIRECT_URI = 'http://127.0.0.1:9/auth/callback';
const USERS = {
  [DEMO_OFFICIAL_IDS.cityInspector1]: { role: 'inspector', name: 'Inspector' },
  [DEMO_OFFICIAL_IDS.dienBienChairman]: { role: 'unit_head', name: 'Unit head' },
  'svc-engine': { role: 'system', name: 'Impostor of the engine' },
};

describe('engine with AUTH_MODE=oidc against a real OpenID Provider', () => {
  let provider: OidcTestProvider;
  let engine: OidcTestEngine;

  beforeAll(async () => {
    provider = await startOidcProvider({ clientId: CLIENT_ID, audience: AUDIENCE, redirectUris: [REDIRECT_URI], users: USERS });
    // Cooldown 0: a token naming an unknown kid refetches the JWKS at once (the default waits 30 s after the last fetch).
    engine = await startOidcTestEngine({ issuer: provider.issuer, audience: AUDIENCE, jwksCooldownMs: 0 });
  });
  afterAll(async () => {
    await engine?.close();
    await provider?.close();
  });

  /** null: no resource indicator at all (what the web app used to send). */
  const login = (sub: string, resource: string | null = AUDIENCE) =>
    codeFlowTokens({ issuer: provider.issuer, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, login: sub, resource: resource ?? undefined }).then((t) => t.access_token);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const problem = (body: { code?: string }, code: string) => expect(body).toMatchObject({ code });

  async function forge(key: JWK, claims: Record<string, unknown>, exp: number | string = '10m'): Promise<string> {
    return new SignJWT({ role: 'inspector', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'at+jwt' })
      .setIssuer(provider.issuer)
      .setAudience(AUDIENCE)
      .setSubject(DEMO_OFFICIAL_IDS.cityInspector1)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(await importJWK(key, 'RS256'));
  }

  it('boots in oidc mode: public sign-in config, no dev token endpoint', async () => {
    const config = await engine.http.get('/api/v1/auth/config').expect(200);
    expect(config.body).toEqual({ mode: 'oidc', oidc: { issuer: provider.issuer, clientId: AUDIENCE, audience: AUDIENCE, scope: 'openid profile' } });
    await engine.http.post('/api/v1/dev/token').send({ sub: 'x', role: 'admin' }).expect(404);
    await engine.http.get('/api/v1/inbox').expect(401);
  });

  it('accepts a code-flow token: the actor in the event is the token subject with its role', async () => {
    const token = await login(DEMO_OFFICIAL_IDS.cityInspector1);
    const opened = await engine.http
      .post('/api/v1/inspections')
      .set(bearer(token))
      .set('Idempotency-Key', 'oidc-open-1')
      .send({ kind: 'surprise', unitId: DEMO_UNIT_IDS.dienBienWard, teamId: DEMO_UNIT_IDS.cityInspectionTeam, startedAt: new Date(Date.now() - 3_600_000).toISOString() })
      .expect(201);
    expect(opened.body.memberIds).toEqual([DEMO_OFFICIAL_IDS.cityInspector1]);
    const [event] = await engine.app.get<EventStore>(EVENT_STORE).readStream(`inspection-${opened.body.id}`);
    expect(event.metadata).toMatchObject({ actorId: DEMO_OFFICIAL_IDS.cityInspector1, role: 'inspector' });

    const unitHead = await login(DEMO_OFFICIAL_IDS.dienBienChairman);
    await engine.http.get('/api/v1/inbox').set(bearer(unitHead)).expect(200);
    const forbidden = await engine.http.get('/api/v1/audit/verification').set(bearer(unitHead)).expect(403);
    problem(forbidden.body, 'AUTH.ROLE_NOT_ALLOWED');
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses tokens for another audience, the provider’s opaque tokens, expired, foreign-key and system-role tokens (401 problem+json)', async () => {
    const refused = async (token: string, code: string) => {
      const response = await engine.http.get('/api/v1/inbox').set(bearer(token)).expect(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      problem(response.body, code);
      return response.body as { detail?: string };
    };
    const otherAudience = await refused(await login(DEMO_OFFICIAL_IDS.cityInspector1, 'urn:rectify-test:other-api'), 'AUTH.TOKEN_INVALID');
    expect(otherAudience.detail).toContain('aud');
    // Without a resource indicator the provider issues an opaque token for its userinfo endpoint.
    await refused(await login(DEMO_OFFICIAL_IDS.cityInspector1, null), 'AUTH.TOKEN_INVALID');
    await refused(await forge(provider.signingKey, {}, Math.floor(Date.now() / 1000) - 60), 'AUTH.TOKEN_EXPIRED');
    const stranger = await newSigningKey();
    await refused(await forge({ ...stranger, kid: provider.signingKey.kid }, {}), 'AUTH.TOKEN_INVALID');
    await refused(await forge(stranger, {}), 'AUTH.TOKEN_INVALID');
    const system = await refused(await login('svc-engine'), 'AUTH.TOKEN_INVALID');
    expect(system.detail).toContain("'system'");
  });

  it('picks up a rotated signing key (new kid) and still accepts tokens of the old key', async () => {
    const before = await login(DEMO_OFFICIAL_IDS.dienBienChairman);
    const oldKid = provider.signingKey.kid;
    await engine.http.get('/api/v1/inbox').set(bearer(before)).expect(200);
    const newKey = await provider.rotateKeys();
    expect(newKey.kid).not.toBe(oldKid);
    const after = await login(DEMO_OFFICIAL_IDS.dienBienChairman);
    expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString()).kid).toBe(newKey.kid);
    await engine.http.get('/api/v1/inbox').set(bearer(after)).expect(200);
    await engine.http.get('/api/v1/inbox').set(bearer(before)).expect(200);
  });

  it('boots while the provider is down (503 AUTH.PROVIDER_UNAVAILABLE), then verifies once it is up', async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    const early = await startOidcTestEngine({ issuer, audience: AUDIENCE });
    let late: OidcTestProvider | undefined;
    try {
      const down = await early.http.get('/api/v1/inbox').set(bearer('a.b.c')).expect(503);
      expect(down.headers['content-type']).toContain('application/problem+json');
      problem(down.body, 'AUTH.PROVIDER_UNAVAILABLE');
      late = await startOidcProvider({ clientId: CLIENT_ID, audience: AUDIENCE, redirectUris: [REDIRECT_URI], users: USERS, port });
      const token = await codeFlowTokens({ issuer, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, login: DEMO_OFFICIAL_IDS.dienBienChairman, resource: AUDIENCE });
      await early.http.get('/api/v1/inbox').set(bearer(token.access_token)).expect(200);
    } finally {
      await early.close();
      await late?.close();
    }
  });
});
