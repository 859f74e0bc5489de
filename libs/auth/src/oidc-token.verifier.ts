import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '@rectify/domain';
import { AUTH_OPTIONS } from './auth.tokens';
import type { OidcAuthOptions } from './auth.options';
import { claimsToActor } from './claims-to-actor';
import { rejectionFromJose } from './jose-errors';
import { IdentityProviderUnavailableError, type TokenVerifier } from './token-verifier';

/** Rotation is picked up within 5 s of the last fetch; made-up kids cost the provider at most one fetch per 5 s. */
export const DEFAULT_JWKS_COOLDOWN_MS = 5_000;

/** Signature algorithms a provider's JWKS may back: asymmetric only (never HS*, never none). */
export const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Verifies access tokens of an OpenID Connect provider: a JWT (opaque tokens are refused)
 * signed with an asymmetric key of the provider's JWKS (OIDC_JWKS_URL, else discovered from
 * the issuer), `iss` and `aud` must match, `exp`/`nbf` are checked.
 * Role: the `role` claim, else the first of `roles`.
 * Key rotation: the JWKS is cached (10 min) and refetched when a token names an unknown `kid`
 * (at most once per `jwksCooldownMs`).
 */
@Injectable()
export class OidcTokenVerifier implements TokenVerifier, OnApplicationBootstrap {
  private readonly logger = new Logger('OidcTokenVerifier');
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: Omit<OidcAuthOptions, 'mode'>) {}

  /** Discovery and the first JWKS fetch at boot; a provider that is down only delays them to the first request. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const keys = await this.jwks();
      await (keys as JWTVerifyGetKey & { reload(): Promise<void> }).reload();
    } catch (error) {
      this.logger.warn(`OIDC provider not reachable at boot (retried on the first request): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async verify(token: string): Promise<Actor> {
    const keys = await this.jwks();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: OIDC_ALGORITHMS,
      });
      return claimsToActor(payload, { acceptRolesArray: true });
    } catch (error) {
      throw rejectionFromJose(error);
    }
  }

  private jwks(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.resolveJwksUrl().then((url) =>
      createRemoteJWKSet(new URL(url), { cooldownDuration: this.options.jwksCooldownMs ?? DEFAULT_JWKS_COOLDOWN_MS }),
    );
    // A failed discovery is retried on the next request rather than cached.
    this.keys.catch(() => (this.keys = undefined));
    return this.keys;
  }

  private async resolveJwksUrl(): Promise<string> {
    if (this.options.jwksUrl) return this.options.jwksUrl;
    const discovery = `${this.options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    try {
      const response = await fetch(discovery, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const document = (await response.json()) as { jwks_uri?: unknown };
      if (typeof document.jwks_uri !== 'string') throw new Error('no jwks_uri in discovery document');
      return document.jwks_uri;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new IdentityProviderUnavailableError(`OIDC discovery at ${discovery} failed: ${message}`);
    }
  }
}
