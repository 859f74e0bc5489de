import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { CurrentActor, Roles } from '@rectify/auth';
import { ROLES, type Actor } from '@rectify/domain';
import { CLOCK, type Clock } from '@rectify/workflow';
import { BUSINESS_CALENDAR_SOURCE, type BusinessCalendarSource } from '../../calendar/calendar.tokens';
import { PG_POOL } from '../../database';
import { inboxFor, type InboxItem } from './inbox.query';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BUSINESS_CALENDAR_SOURCE) private readonly calendars: BusinessCalendarSource,
  ) {}

  @Get()
  @Roles(...ROLES.filter((r) => r !== 'system'))
  @ApiOperation({ summary: "The caller's findings: awaiting their action, due soon, overdue, escalated to them — most urgent first" })
  async inbox(@CurrentActor() actor: Actor): Promise<{ items: InboxItem[] }> {
    return { items: await inboxFor(this.pool, actor, await this.calendars.current(), this.clock.now()) };
  }
}
