import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@rectify/auth';
import { ENGINE_CONFIG, type EngineConfig } from '../config';

export class OidcClientConfig {
  @ApiProperty({ example: 'https://id.example.org/realms/rectify' }) issuer!: string;
  @ApiProperty({ description: 'OIDC_CLIENT_ID, default OIDC_AUDIENCE' }) clientId!: string;
  @ApiProperty({ description: 'OIDC_AUDIENCE: sent as the RFC 8707 `resource` so the access token is a JWT for the engine', example: 'urn:rectify:api' })
  audience!: string;
  @ApiProperty({ example: 'openid profile' }) scope!: string;
}

export class AuthConfigResponse {
  @ApiProperty({ enum: ['dev', 'oidc'] }) mode!: 'dev' | 'oidc';
  @ApiPropertyOptional({ type: OidcClientConfig }) oidc?: OidcClientConfig;
}

/**
 * What the web app needs to sign in, public by design: the mode and, for OIDC, the issuer
 * and the public client id (authorization code flow with PKCE; no client secret exists).
 */
@ApiTags('auth')
@Controller('auth')
export class AuthConfigController {
  constructor(@Inject(ENGINE_CONFIG) private readonly config: EngineConfig) {}

  @Public()
  @Get('config')
  @ApiOperation({ summary: 'Sign-in configuration for the web app (public)', security: [] })
  @ApiOkResponse({ type: AuthConfigResponse })
  get(): AuthConfigResponse {
    const auth = this.config.auth;
    if (auth.mode === 'dev') return { mode: 'dev' };
    return {
      mode: 'oidc',
      oidc: {
        issuer: auth.issuer,
        clientId: process.env.OIDC_CLIENT_ID?.trim() || auth.audience,
        audience: auth.audience,
        scope: process.env.OIDC_SCOPE?.trim() || 'openid profile',
      },
    };
  }
}
