import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentActor, Roles } from '@rectify/auth';
import { caseDecider, caseNotFound, caseStream, ForbiddenError, type Actor, type CaseState, type ExistingCase } from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { loadAggregate } from '@rectify/workflow';
import { AsOfPipe } from '../../../application';
import { PG_POOL } from '../../../database';
import { toCaseResponse, type CaseResponse } from '../../case.response';

const BOARD_ROLES = ['board_secretary', 'board_member', 'admin', 'auditor'];

/** Cases for the board (read model rm_cases); a subject may read their own case and its history. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseQueriesController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Roles('board_secretary', 'board_member', 'admin', 'auditor')
  @ApiOperation({ summary: 'List cases, newest first' })
  @ApiQuery({ name: 'subjectOfficialId', required: false })
  @ApiQuery({ name: 'unitId', required: false })
  @ApiQuery({ name: 'status', required: false })
  async list(@Query('subjectOfficialId') subject?: string, @Query('unitId') unitId?: string, @Query('status') status?: string) {
    const { rows } = await this.pool.query<{ state: ExistingCase; version: number; created_at: Date; updated_at: Date }>(
      `SELECT state, version, created_at, updated_at FROM rm_cases
        WHERE ($1::text IS NULL OR subject_official_id = $1) AND ($2::text IS NULL OR subject_unit_id = $2) AND ($3::text IS NULL OR status = $3)
        ORDER BY created_at DESC, id LIMIT 500`,
      [subject ?? null, unitId ?? null, status ?? null],
    );
    return { items: rows.map((r) => toCaseResponse(r.state, { version: r.version, createdAt: r.created_at, updatedAt: r.updated_at })) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case (optionally as it stood at ?asOf=)' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor, @Query('asOf', AsOfPipe) asOf?: Date): Promise<CaseResponse> {
    const loaded = await loadAggregate(this.store, caseDecider, caseStream(id), asOf ? { asOf } : undefined);
    const state = this.readable(loaded.state, id, actor);
    return toCaseResponse(state, { version: loaded.version, createdAt: loaded.events[0]?.recordedAt ?? null, updatedAt: loaded.events.at(-1)?.recordedAt ?? null });
  }

  @Get(':id/events')
  @ApiOperation({ summary: "The case's history: every event with actor, role, time and reason" })
  async events(@Param('id', new ParseUUIDPipe()) id: string, @CurrentActor() actor: Actor) {
    const loaded = await loadAggregate(this.store, caseDecider, caseStream(id));
    this.readable(loaded.state, id, actor);
    return loaded.events.map((e) => ({ version: e.version, type: e.type, data: e.data, metadata: e.metadata, occurredAt: e.occurredAt, recordedAt: e.recordedAt }));
  }

  private readable(state: CaseState, id: string, actor: Actor): ExistingCase {
    if (state.status === 'absent') throw caseNotFound(id);
    if (!BOARD_ROLES.includes(actor.role) && actor.id !== state.subject.officialId) {
      throw new ForbiddenError('CASE.FORBIDDEN', 'Only the board, auditors and the subject may read a case', { caseId: id });
    }
    return state;
  }
}
