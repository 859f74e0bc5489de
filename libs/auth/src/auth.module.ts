import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import type { AuthOptions } from './auth.options';
import { AUTH_OPTIONS, TOKEN_VERIFIER } from './auth.tokens';
import { AuthorizationRefusals } from './authorization-refusals';
import { DevTokenIssuer, DevTokenVerifier } from './dev-token.verifier';
import { OidcTokenVerifier } from './oidc-token.verifier';

/**
 * Registers the global AuthGuard and the TOKEN_VERIFIER for the chosen mode.
 * DevTokenIssuer exists only in dev mode, so nothing else can mint tokens in oidc mode.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    const verifier: Provider =
      options.mode === 'dev'
        ? { provide: TOKEN_VERIFIER, useClass: DevTokenVerifier }
        : { provide: TOKEN_VERIFIER, useClass: OidcTokenVerifier };
    const devOnly: Provider[] = options.mode === 'dev' ? [DevTokenIssuer] : [];
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        verifier,
        AuthorizationRefusals,
        { provide: APP_GUARD, useClass: AuthGuard },
        ...devOnly,
      ],
      exports: [AUTH_OPTIONS, TOKEN_VERIFIER, AuthorizationRefusals, ...devOnly],
    };
  }
}
