import { ForbiddenError } from './domain-error';
import type { Actor, Role } from './message';

/** Throws ForbiddenError(code) unless the actor's role is one of `allowed`. */
export function assertRole(actor: Actor, allowed: readonly Role[], code: string, action: string): void {
  if (!allowed.includes(actor.role)) {
    throw new ForbiddenError(code, `Role ${actor.role} may not ${action}`, {
      role: actor.role,
      allowed: [...allowed],
    });
  }
}
