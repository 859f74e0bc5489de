import { ROLES, type Actor, type Role } from '@rectify/domain';
import { TokenRejectedError } from './token-verifier';

export interface ActorClaims {
  sub?: unknown;
  role?: unknown;
  roles?: unknown;
  units?: unknown;
}

/**
 * Rule: the actor is the token's `sub`; its role is the `role` claim, or (when
 * `acceptRolesArray`) the first entry of `roles`, and must be one of ROLES;
 * unit scoping comes from a `units` array of strings when present.
 */
export function claimsToActor(claims: ActorClaims, { acceptRolesArray = false } = {}): Actor {
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) {
    throw new TokenRejectedError('AUTH.TOKEN_INVALID', 'token has no sub claim');
  }
  const role = pickRole(claims, acceptRolesArray);
  if (role === undefined) throw new TokenRejectedError('AUTH.TOKEN_INVALID', 'token has no role claim');
  if (!isRole(role)) throw new TokenRejectedError('AUTH.TOKEN_INVALID', `token role '${String(role)}' is not a known role`);
  const actor: Actor = { id: claims.sub, role };
  if (claims.units !== undefined) {
    if (!Array.isArray(claims.units) || !claims.units.every((u) => typeof u === 'string')) {
      throw new TokenRejectedError('AUTH.TOKEN_INVALID', 'token units claim must be an array of strings');
    }
    actor.unitIds = claims.units as string[];
  }
  return actor;
}

function pickRole(claims: ActorClaims, acceptRolesArray: boolean): unknown {
  if (claims.role !== undefined) return claims.role;
  if (acceptRolesArray && Array.isArray(claims.roles)) return claims.roles[0];
  return undefined;
}

/** A role a token may carry: any role but 'system', the engine's own actor. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && value !== 'system' && (ROLES as readonly string[]).includes(value);
}
