import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '@rectify/domain';
import { AUTH_OPTIONS } from './auth.tokens';
import type { OidcAuthOptions } from './auth.options';
import { claimsToActor } from './claims-to-actor';
import { rejectionFromJose } from './jose-errors';
import { IdentityProviderUnavailableError, type TokenVerifier } from './token-verifier';

/**
 * Verifies tokens of an OpenID Connect provider: signature against the provider's JWKS
 * (OIDC_JWKS_URL, else discovered from the issuer), `iss` and `aud` must match.
 * Role: the `role` claim, else the first of `roles`.
 */
@Injectable()
export class OidcTokenVerifier implements TokenVerifier {
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: Omit<OidcAuthOptions, 'mode'>) {}

  async verify(token: string): Promise<Actor> {
    const keys = await this.jwks();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
      });
      return claimsToActor(payload, { acceptRolesArray: true });
    } catch (error) {
      throw rejectionFromJose(error);
    }
  }

  private jwks(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.resolveJwksUrl().then((url) => createRemoteJWKSet(new URL(url)));
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
