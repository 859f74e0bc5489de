import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ForbiddenError, unitDecider, unitStream, type Actor } from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { loadAggregate } from '@rectify/workflow';
import { PG_POOL } from '../database';

/**
 * Unit scoping: a unit head acts only on what belongs to the units they head (from the org
 * registry, plus any `units` claim in their token). Other roles are not unit-scoped here.
 * The refusal is a ForbiddenError, which the problem filter records as an authorization refusal.
 */
@Injectable()
export class UnitScope {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Units the actor heads, from the read model (for listings such as the inbox). */
  async unitsHeadedBy(actor: Actor): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM rm_units WHERE head_official_id = $1', [actor.id]);
    return [...new Set([...(actor.unitIds ?? []), ...rows.map((r) => r.id)])];
  }

  /**
   * Decided from the unit's own stream, not the read model, so a head may act the moment
   * they are appointed and loses the right the moment they are replaced.
   */
  async assertMayActOnUnit(actor: Actor, unitId: string): Promise<void> {
    if (actor.role !== 'unit_head') return;
    if (actor.unitIds?.includes(unitId)) return;
    const unit = await loadAggregate(this.store, unitDecider, unitStream(unitId));
    if (unit.state.status !== 'absent' && unit.state.headOfficialId === actor.id) return;
    throw new ForbiddenError(
      'AUTH.OUT_OF_UNIT_SCOPE',
      `Unit head ${actor.id} may act only on findings of units they head; unit ${unitId} is not one of them`,
      { unitId },
    );
  }
}
