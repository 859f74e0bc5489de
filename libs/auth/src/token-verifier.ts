import type { Actor } from '@rectify/domain';

/** Turns a bearer token into the Actor it proves, or throws TokenRejectedError. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

export type TokenRejectionCode = 'AUTH.TOKEN_EXPIRED' | 'AUTH.TOKEN_INVALID';

/** The token does not prove an identity. `reason` is safe to log, never a secret. */
export class TokenRejectedError extends Error {
  constructor(
    readonly code: TokenRejectionCode,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'TokenRejectedError';
  }
}

/** The identity provider could not be reached (JWKS or discovery fetch failed). */
export class IdentityProviderUnavailableError extends Error {
  readonly code = 'AUTH.PROVIDER_UNAVAILABLE';
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'IdentityProviderUnavailableError';
  }
}
