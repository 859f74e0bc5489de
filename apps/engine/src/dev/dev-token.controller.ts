import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DevTokenIssuer, Public, type IssuedToken } from '@rectify/auth';
import { DevTokenRequest, DevTokenResponse } from './dev-token.request';

/** Mints a token for any actor and role. Registered only when AUTH_MODE=dev. */
@ApiTags('dev')
@Controller('dev')
export class DevTokenController {
  constructor(private readonly issuer: DevTokenIssuer) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'DEV ONLY: issue a bearer token for any actor (unauthenticated)', security: [] })
  @ApiOkResponse({ type: DevTokenResponse })
  issue(@Body() body: DevTokenRequest): Promise<IssuedToken> {
    return this.issuer.issue(body);
  }
}
