/** DI tokens of the auth library. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
