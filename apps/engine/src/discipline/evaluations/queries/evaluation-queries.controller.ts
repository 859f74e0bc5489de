import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { officialNotFound, type EvaluationState, type PeriodRating } from '@rectify/domain';
import { Roles } from '@rectify/auth';
import { PG_POOL } from '../../../database';

export interface OfficialEvaluations {
  officialId: string;
  /** Newest period first; years sort after their months. */
  ratings: PeriodRating[];
  version: number;
}

/** Ratings from the read model (rm_evaluations); readable by every role that reviews people. */
@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('officials/:id/evaluations')
export class EvaluationQueriesController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @Roles('unit_head', 'admin', 'board_member', 'board_secretary', 'auditor', 'supervisor')
  @ApiOperation({ summary: "An official's monthly and annual ratings" })
  async list(@Param('id', new ParseUUIDPipe()) id: string): Promise<OfficialEvaluations> {
    const official = await this.pool.query('SELECT 1 FROM rm_officials WHERE id = $1', [id]);
    if (official.rowCount === 0) throw officialNotFound(id);
    const { rows } = await this.pool.query<{ state: EvaluationState; version: number }>('SELECT state, version FROM rm_evaluations WHERE id = $1', [id]);
    const state = rows[0]?.state;
    const ratings = state?.status === 'rated' ? Object.values(state.periods).sort((a, b) => (a.period < b.period ? 1 : -1)) : [];
    return { officialId: id, ratings, version: rows[0]?.version ?? 0 };
  }
}
