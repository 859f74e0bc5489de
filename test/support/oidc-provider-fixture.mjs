// A real OpenID Provider (panva's certified oidc-provider, ESM-only) for tests, run as a child
// process by oidc-provider-fixture.ts. Configuration arrives as JSON in RECTIFY_OIDC_FIXTURE:
//   { port, clientId, redirectUris, postLogoutRedirectUris, audience, jwks: { keys: [private JWKs] },
//     users: { <sub>: { role, units?, name } } }
// The first key signs. Rules: one public client (token_endpoint_auth_method none, PKCE S256
// required, code flow only); access tokens are JWTs only for a requested resource indicator
// (RFC 8707) — `audience` and `urn:rectify-test:other-api` (for wrong-audience tests) — and
// carry the user's `role` (and `units` when set); without a resource the provider's defaults
// apply (opaque token for userinfo). Login: devInteractions (any password; login = sub).
// Consent is granted automatically to this first-party client. Prints `READY <issuer>`.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.RECTIFY_OIDC_FIXTURE ?? '{}');
const issuer = `http://127.0.0.1:${config.port}`;
const OTHER_API = 'urn:rectify-test:other-api';
const RESOURCE_SCOPE = 'rectify';

const findAccount = async (_ctx, sub) => {
  const user = config.users[sub];
  if (!user) return undefined;
  return {
    accountId: sub,
    claims: async () => ({ sub, name: user.name, preferred_username: sub }),
  };
};

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: config.clientId,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: config.redirectUris,
      post_logout_redirect_uris: config.postLogoutRedirectUris,
    },
  ],
  jwks: config.jwks,
  findAccount,
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
  cookies: { keys: ['rectify-oidc-fixture-cookie-key'] },
  ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Session: 3600, Grant: 3600, Interaction: 600 },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async (_ctx, _client, oneOf) => oneOf,
      useGrantedResource: async () => false,
      getResourceServerInfo: async (_ctx, resource) => {
        if (resource !== config.audience && resource !== OTHER_API) throw new Provider.errors.InvalidTarget();
        return { audience: resource, scope: RESOURCE_SCOPE, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  // First-party client: grant what it asks for without a consent screen.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    for (const resource of [config.audience, OTHER_API]) grant.addResourceScope(resource, RESOURCE_SCOPE);
    await grant.save();
    return grant;
  },
  extraTokenClaims: async (_ctx, token) => {
    if (token.kind !== 'AccessToken') return undefined;
    const user = config.users[token.accountId];
    if (!user) return undefined;
    return user.units ? { role: user.role, units: user.units } : { role: user.role };
  },
});
provider.on('server_error', (_ctx, error) => console.error('oidc-provider server_error', error));

const server = createServer(provider.callback());
server.listen(config.port, '127.0.0.1', () => console.log(`READY ${issuer}`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
