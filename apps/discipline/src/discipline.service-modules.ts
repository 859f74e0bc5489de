import type { ModuleMetadata } from '@nestjs/common';
import { CalendarModule } from '../../engine/src/calendar/calendar.module';
import { ServiceStorageModule, type ServiceStorage } from '../../engine/src/database';
import { DisciplineModule } from '../../engine/src/discipline/discipline.module';
import { EventSourcingModule } from '../../engine/src/event-sourcing';

/**
 * Schema `discipline`: its checkpoints and read models. Case and evaluation queries read
 * rm_cases, rm_evaluations and rm_officials; referrals, reactions and decision execution find
 * an official's open findings in rm_findings.
 */
export const DISCIPLINE_STORAGE: ServiceStorage = {
  schema: 'discipline',
  readModels: ['rm_officials', 'rm_findings', 'rm_cases', 'rm_evaluations'],
};

/**
 * The discipline service: evaluations, disciplinary cases (opened on referral events from
 * the workflow), the board's decisions and their execution. It reads rm_findings, rm_cases
 * and rm_evaluations fed by its own projections, and the calendar from its stream.
 */
export const DISCIPLINE_MODULES: NonNullable<ModuleMetadata['imports']> = [ServiceStorageModule.forService(DISCIPLINE_STORAGE), EventSourcingModule, CalendarModule, DisciplineModule];
