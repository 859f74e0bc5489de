import { createHash, randomBytes } from 'node:crypto';

export interface CodeFlowOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  /** The user to log in as on the provider's login page (devInteractions: login = sub). */
  login: string;
  scope?: string;
  /** RFC 8707 resource indicator sent with the authorization and the token request. */
  resource?: string;
}

export interface CodeFlowTokens {
  access_token: string;
  id_token?: string;
  token_type: string;
  expires_in: number;
}

const b64url = (bytes: Buffer): string => bytes.toString('base64url');

/**
 * The authorization-code flow with PKCE as a browser would do it, with fetch: follow the
 * provider's redirects and interaction pages (keeping its cookies), submit its login form,
 * check `state` on the redirect back, and exchange the code with the verifier (public client).
 */
export async function codeFlowTokens(options: CodeFlowOptions): Promise<CodeFlowTokens> {
  const verifier = b64url(randomBytes(48));
  const state = b64url(randomBytes(16));
  const discovery = (await (await fetch(`${options.issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid profile',
    state,
    nonce: b64url(randomBytes(16)),
    code_challenge: b64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    ...(options.resource ? { resource: options.resource } : {}),
  }).toString();

  const cookies = new Map<string, string>();
  let url = authorize.toString();
  let init: RequestInit = {};
  for (let hops = 0; hops < 10; hops++) {
    if (url.startsWith(options.redirectUri)) return exchange(new URL(url), state, verifier, discovery.token_endpoint, options);
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as object), cookie: cookieHeader(cookies) } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).toString();
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action || !html.includes('name="login"')) {
      throw new Error(`unexpected provider page ${response.status} at ${url}: ${html.slice(0, 300)}`);
    }
    url = new URL(action, url).toString();
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login: options.login, password: 'any' }).toString(),
    };
  }
  throw new Error('too many redirects in the authorization flow');
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

async function exchange(callback: URL, state: string, verifier: string, tokenEndpoint: string, options: CodeFlowOptions): Promise<CodeFlowTokens> {
  const error = callback.searchParams.get('error');
  if (error) throw new Error(`authorization failed: ${error} ${callback.searchParams.get('error_description') ?? ''}`);
  if (callback.searchParams.get('state') !== state) throw new Error('state mismatch');
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: options.redirectUri,
      client_id: options.clientId,
      code_verifier: verifier,
      ...(options.resource ? { resource: options.resource } : {}),
    }),
  });
  const body = (await response.json()) as CodeFlowTokens & { error?: string; error_description?: string };
  if (!response.ok) throw new Error(`token endpoint ${response.status}: ${body.error} ${body.error_description ?? ''}`);
  return body;
}
