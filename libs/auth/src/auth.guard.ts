import {
  ForbiddenException,
  HttpException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor, Role } from '@rectify/domain';
import { AuthorizationRefusals } from './authorization-refusals';
import { TOKEN_VERIFIER } from './auth.tokens';
import { ACTOR_REQUEST_KEY, type RequestWithActor } from './current-actor.decorator';
import { IS_PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { IdentityProviderUnavailableError, TokenRejectedError, type TokenVerifier } from './token-verifier';

interface HttpRequestLike extends RequestWithActor {
  method: string;
  originalUrl?: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Global guard. Rules: every route needs a valid bearer token unless @Public();
 * @Roles(...) narrows it to those roles (403). On a @Public() route a valid token
 * still yields the actor, an invalid one is refused. Every refusal is recorded.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly refusals: AuthorizationRefusals,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<HttpRequestLike>();

    const token = bearerToken(request.headers.authorization);
    if (token === null) return isPublic ? true : this.refuse(request, 401, 'AUTH.TOKEN_MISSING', 'no bearer token');
    if (token === 'malformed') return this.refuse(request, 401, 'AUTH.TOKEN_INVALID', 'Authorization header is not "Bearer <token>"');

    let actor: Actor;
    try {
      actor = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof TokenRejectedError) return this.refuse(request, 401, error.code, error.reason);
      if (error instanceof IdentityProviderUnavailableError) {
        throw new ServiceUnavailableException({ code: error.code, message: 'The identity provider is unavailable' }, { cause: error });
      }
      throw error;
    }
    request[ACTOR_REQUEST_KEY] = actor;

    if (roles && roles.length > 0 && !roles.includes(actor.role)) {
      return this.refuse(request, 403, 'AUTH.ROLE_NOT_ALLOWED', `role '${actor.role}' is not one of ${roles.join(', ')}`, actor);
    }
    return true;
  }

  private async refuse(request: HttpRequestLike, status: 401 | 403, code: string, reason: string, actor?: Actor): Promise<never> {
    await this.refusals.record({
      status,
      code,
      reason,
      method: request.method,
      path: (request.originalUrl ?? request.url).split('?')[0],
      actor: actor && { id: actor.id, role: actor.role },
      at: new Date(),
    });
    throw refusalException(status, code, reason);
  }
}

function refusalException(status: 401 | 403, code: string, reason: string): HttpException {
  return status === 401
    ? new UnauthorizedException({ code, message: `Authentication required: ${reason}` })
    : new ForbiddenException({ code, message: `Not allowed: ${reason}` });
}

/** null: no Authorization header; 'malformed': present but not a bearer token. */
function bearerToken(header: string | string[] | undefined): string | null | 'malformed' {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(value ?? '');
  return match ? match[1] : 'malformed';
}
