import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@rectify/domain';

/** One refused request: 401 (no identity) or 403 (identity without permission). */
export interface AuthorizationRefusal {
  status: 401 | 403;
  code: string;
  reason: string;
  method: string;
  path: string;
  actor?: Pick<Actor, 'id' | 'role'>;
  at: Date;
}

export type AuthorizationRefusalSink = (refusal: AuthorizationRefusal) => void | Promise<void>;

/**
 * Hook every authorization refusal goes through. It logs a structured warning; other
 * modules (audit) attach a sink with `addSink` to persist refusals. A failing sink is
 * logged and never turns a 401/403 into a 500.
 */
@Injectable()
export class AuthorizationRefusals {
  private readonly logger = new Logger('AuthorizationRefusals');
  private readonly sinks: AuthorizationRefusalSink[] = [];

  addSink(sink: AuthorizationRefusalSink): void {
    this.sinks.push(sink);
  }

  async record(refusal: AuthorizationRefusal): Promise<void> {
    this.logger.warn({
      event: 'authorization.refused',
      status: refusal.status,
      code: refusal.code,
      reason: refusal.reason,
      method: refusal.method,
      path: refusal.path,
      actorId: refusal.actor?.id,
      actorRole: refusal.actor?.role,
      at: refusal.at.toISOString(),
    });
    for (const sink of this.sinks) {
      try {
        await sink(refusal);
      } catch (error) {
        this.logger.error(`refusal sink failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
