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
}

/** Issuer claim of every dev token. */
export const DEV_TOKEN_ISSUER = 'rectify-dev';
