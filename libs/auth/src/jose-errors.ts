import { IdentityProviderUnavailableError, TokenRejectedError } from './token-verifier';

/** Maps jose's errors (by their stable `code`) onto token rejections; anything else is rethrown. */
export function rejectionFromJose(error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new TokenRejectedError('AUTH.TOKEN_EXPIRED', 'token expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return new TokenRejectedError('AUTH.TOKEN_INVALID', `claim check failed: ${message}`);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new TokenRejectedError('AUTH.TOKEN_INVALID', 'signature verification failed');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new TokenRejectedError('AUTH.TOKEN_INVALID', 'no matching signing key');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return new TokenRejectedError('AUTH.TOKEN_INVALID', `malformed token: ${message}`);
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return new IdentityProviderUnavailableError(`JWKS unavailable: ${message}`);
    default:
      if (error instanceof TokenRejectedError || error instanceof IdentityProviderUnavailableError) return error;
      // fetch() failures (network) while loading the JWKS surface as TypeError.
      if (error instanceof TypeError) return new IdentityProviderUnavailableError(`JWKS fetch failed: ${message}`);
      return error instanceof Error ? error : new Error(message);
  }
}
