/** How bearer tokens are verified: a local HS256 secret (dev) or an OpenID Connect provider. */
export type AuthOptions = DevAuthOptions | OidcAuthOptions;

export interface DevAuthOptions {
  mode: 'dev';
  /** HS256 secret shared by the dev token endpoint and the dev verifier. */
  devTokenSecret: string;
}

export interface OidcAuthOptions {
  mode: 'oidc';
  issuer: string;
  audience: string;
  /** When absent, the jwks_uri of the issuer's /.well-known/openid-configuration. */
  jwksUrl?: string;
  /**
   * After a refetch, the JWKS is not fetched again for an unknown `kid` within this many ms
   * (protects the provider from tokens with made-up kids). Default 5000.
   * A key the provider starts signing with is accepted once this has elapsed since the last fetch.
   */
  jwksCooldownMs?: number;
}

/** Issuer claim of every dev token. */
export const DEV_TOKEN_ISSUER = 'rectify-dev';
