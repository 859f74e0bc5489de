import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@rectify/domain';

/** Where the guard leaves the authenticated actor on the request. */
export const ACTOR_REQUEST_KEY = 'actor';

export interface RequestWithActor {
  [ACTOR_REQUEST_KEY]?: Actor;
}

/** The authenticated Actor; undefined only on @Public() routes called without a token. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | undefined => {
  return context.switchToHttp().getRequest<RequestWithActor>()[ACTOR_REQUEST_KEY];
});
