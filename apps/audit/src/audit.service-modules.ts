import type { ModuleMetadata } from '@nestjs/common';
import { AuditModule } from '../../engine/src/audit/audit.module';
import { CalendarModule } from '../../engine/src/calendar/calendar.module';
import { EventSourcingModule } from '../../engine/src/event-sourcing';
import { HistoryModule } from '../../engine/src/history/history.module';
import { ReportsModule } from '../../engine/src/reports/reports.module';

/**
 * The audit service: the witness ledger with signed checkpoints, chain verification, the
 * access log, histories of officials and units (JSON/CSV/PDF, for hearings and the board)
 * and the reports. Its own projections feed the history index and the rpt_* tables.
 */
export const AUDIT_MODULES: NonNullable<ModuleMetadata['imports']> = [EventSourcingModule, CalendarModule, AuditModule, HistoryModule, ReportsModule];
