import type { Actor, CommandContext } from '@rectify/domain';
import type { Clock } from '@rectify/workflow';

/** What the HTTP edge hands to a command handler besides the command's own data. */
export interface RequestContext {
  actor: Actor;
  /** The Idempotency-Key header: the command's id. */
  idempotencyKey: string;
  /** The If-Match header: the stream version the caller last saw. */
  expectedVersion?: number;
  /** X-Correlation-Id, when the caller sends one. */
  correlationId?: string;
}

export function commandContext(request: RequestContext, clock: Clock, reason?: string): CommandContext {
  return { actor: request.actor, now: clock.now(), ...(reason ? { reason } : {}) };
}
