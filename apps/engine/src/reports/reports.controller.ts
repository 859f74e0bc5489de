import { Controller, Get, Inject, Optional, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Roles } from '@rectify/auth';
import {
  disciplineReport, escalationsReport, findingsReport, inspectionsReport, statusReport, timeToCloseReport, toCsv, unitScorecard,
  type Report, type ReportFilter, type WorkingDaysCounter,
} from '@rectify/audit';
import { ROLES } from '@rectify/domain';
import { CLOCK, type Clock } from '@rectify/workflow';
import { BUSINESS_CALENDAR_SOURCE, type BusinessCalendarSource } from '../calendar/calendar.tokens';
import { PG_POOL } from '../database';
import { ReportRequest } from './report.request';

const READERS = ROLES.filter((r) => r !== 'system');

/** Figures from the report read models (rpt_*), as JSON or `?format=csv`. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
@Roles(...READERS)
@ApiProduces('application/json', 'text/csv')
export class ReportsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(BUSINESS_CALENDAR_SOURCE) private readonly calendars?: BusinessCalendarSource,
  ) {}

  @Get('inspections')
  @ApiOperation({ summary: 'Inspections by kind (scheduled, surprise, directed, verification, internal) and by kind of unit inspected' })
  inspections(@Query() q: ReportRequest, @Res({ passthrough: true }) res: Response) {
    return this.answer(q, res, (f) => inspectionsReport(this.pool, f));
  }

  @Get('findings')
  @ApiOperation({ summary: 'Findings recorded in the period by category and severity' })
  findings(@Query() q: ReportRequest, @Res({ passthrough: true }) res: Response) {
    return this.answer(q, res, (f) => findingsReport(this.pool, f));
  }

  @Get('finding-status')
  @ApiOperation({ summary: 'Open, overdue, closed and withdrawn counts of the findings recorded in the period' })
  status(@Query() q: ReportRequest, @Res({ passthrough: true }) res: Response) {
    return this.answer(q, res, (f) => statusReport(this.pool, f, this.clock.now()));
  }

  @Get('time-to-close')
  @ApiOperation({ summary: 'Median and p90 working days from recording to closure of findings closed in the period' })
  timeToClose(@Query() q: ReportRequest, @Res({ passthrough: true }) res: Response) {
    return this.answer(q, res, async (f) => timeToCloseReport(this.pool, f, await this.workingDays()));
  }

  @Get('escalations')
  @ApiOperation({ summary: 'Escalations in the period by level' })
  escalations(@Query() q: ReportRequest, @Res({ passthrough: true }) res: Response) {
    return this.answer(q, res, (f) => escalationsReport(this.pool, f));
  }

  @Get('discipline')
  @ApiOperation({ summary: 'Referrals, cases and decisions in the period by form (e.g. how many transfers and replacements)' })
  discipline(@Query() q: ReportRequest, @Res({ passthrough: true }) res: Response) {
    return this.answer(q, res, (f) => disciplineReport(this.pool, f));
  }

  @Get('unit-scorecard')
  @ApiOperation({ summary: 'Per unit, for head accountability: overdue rate, time to close, escalations' })
  scorecard(@Query() q: ReportRequest, @Res({ passthrough: true }) res: Response) {
    return this.answer(q, res, async (f) => unitScorecard(this.pool, f, this.clock.now(), await this.workingDays()));
  }

  /** Working days by the business calendar (holidays, swapped Saturdays); Monday–Friday when none is configured. */
  private async workingDays(): Promise<WorkingDaysCounter | undefined> {
    if (!this.calendars) return undefined;
    const calendar = await this.calendars.current();
    return (from, to) => calendar.workingDaysBetween(from, to);
  }

  private async answer(q: ReportRequest, res: Response, run: (filter: ReportFilter) => Promise<Report>): Promise<Report | string> {
    const report = await run({ from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined, unitId: q.unitId });
    if (q.format !== 'csv') return report;
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${report.report}.csv"`);
    return toCsv(report.rows);
  }
}
