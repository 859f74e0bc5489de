import { codeChallenge, randomToken } from './pkce';

/** What GET /api/v1/auth/config says. */
export interface AuthConfig {
  mode: 'dev' | 'oidc';
  oidc?: { issuer: string; clientId: string; audience?: string; scope: string };
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

const PENDING_KEY = 'rectify.oidc.pending';
export const CALLBACK_PATH = '/auth/callback';

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery ${response.status}`);
  return (await response.json()) as Discovery;
}

const redirectUri = (): string => `${window.location.origin}${CALLBACK_PATH}`;

interface Pending {
  verifier: string;
  state: string;
  returnTo: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  clientId: string;
  /** RFC 8707 resource (the engine's audience): without it a provider may issue an opaque token for its userinfo endpoint. */
  resource?: string;
}

/**
 * Step 1 of the authorization-code flow with PKCE: remember verifier, state and nonce in
 * sessionStorage (this tab only) and send the browser to the provider.
 */
export async function startOidcSignIn(config: NonNullable<AuthConfig['oidc']>, returnTo: string): Promise<void> {
  const discovery = await discover(config.issuer);
  const verifier = randomToken(48);
  const state = randomToken(16);
  const nonce = randomToken(16);
  const pending: Pending = {
    verifier,
    state,
    returnTo,
    tokenEndpoint: discovery.token_endpoint,
    endSessionEndpoint: discovery.end_session_endpoint,
    clientId: config.clientId,
    resource: config.audience,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scope,
    state,
    nonce,
    code_challenge: await codeChallenge(verifier),
    code_challenge_method: 'S256',
    ...(config.audience ? { resource: config.audience } : {}),
  }).toString();
  window.location.assign(url.toString());
}

export interface OidcSignInResult {
  accessToken: string;
  idToken?: string;
  expiresIn: number;
  returnTo: string;
  /** The provider's RP-initiated logout URL for this session (back to /sign-in), when it offers one. */
  endSessionUrl?: string;
}

/**
 * Step 2, on /auth/callback: check `state`, exchange the code with the verifier (a public
 * client: no secret; the same `resource` as step 1), and return the tokens and where to go next.
 */
export async function completeOidcSignIn(search: URLSearchParams): Promise<OidcSignInResult> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING_KEY);
  const error = search.get('error');
  if (error) throw new Error(search.get('error_description') ?? error);
  if (!pending || search.get('state') !== pending.state) throw new Error('state mismatch');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: search.get('code') ?? '',
      redirect_uri: redirectUri(),
      client_id: pending.clientId,
      code_verifier: pending.verifier,
      ...(pending.resource ? { resource: pending.resource } : {}),
    }),
  });
  if (!response.ok) throw new Error(`token endpoint ${response.status}`);
  const body = (await response.json()) as { access_token: string; id_token?: string; expires_in?: number };
  return {
    accessToken: body.access_token,
    idToken: body.id_token,
    expiresIn: body.expires_in ?? 300,
    returnTo: pending.returnTo,
    endSessionUrl: endSessionUrl(pending, body.id_token),
  };
}

function endSessionUrl(pending: Pending, idToken: string | undefined): string | undefined {
  if (!pending.endSessionEndpoint) return undefined;
  const url = new URL(pending.endSessionEndpoint);
  url.search = new URLSearchParams({
    client_id: pending.clientId,
    post_logout_redirect_uri: `${window.location.origin}/sign-in`,
    ...(idToken ? { id_token_hint: idToken } : {}),
  }).toString();
  return url.toString();
}
