import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DevClockController } from './dev-clock.controller';
import { DevTokenController } from './dev-token.controller';

/** Dev conveniences; EngineModule imports this only when AUTH_MODE=dev. */
@Module({ controllers: [DevTokenController, DevClockController] })
export class DevModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    const logger = new Logger('DevMode');
    for (const line of [
      '************************************************************************',
      '*  WARNING: AUTH_MODE=dev                                              *',
      '*  POST /api/v1/dev/token issues a bearer token for ANY actor and role *',
      '*  to ANYONE who asks. Tokens are NOT authenticated.                   *',
      '*  Never expose this engine to a network you do not control.          *',
      '*  Use AUTH_MODE=oidc (OIDC_ISSUER, OIDC_AUDIENCE) for real use.       *',
      '************************************************************************',
    ]) {
      logger.warn(line);
    }
  }
}
