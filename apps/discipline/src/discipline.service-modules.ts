import type { ModuleMetadata } from '@nestjs/common';
import { CalendarModule } from '../../engine/src/calendar/calendar.module';
import { DisciplineModule } from '../../engine/src/discipline/discipline.module';
import { EventSourcingModule } from '../../engine/src/event-sourcing';

/**
 * The discipline service: evaluations, disciplinary cases (opened on referral events from
 * the workflow), the board's decisions and their execution. It reads rm_findings, rm_cases
 * and rm_evaluations fed by its own projections, and the calendar from its stream.
 */
export const DISCIPLINE_MODULES: NonNullable<ModuleMetadata['imports']> = [EventSourcingModule, CalendarModule, DisciplineModule];
