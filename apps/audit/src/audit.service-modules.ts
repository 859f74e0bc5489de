import type { ModuleMetadata } from '@nestjs/common';
import { AuditModule } from '../../engine/src/audit/audit.module';
import { CalendarModule } from '../../engine/src/calendar/calendar.module';
import { ServiceStorageModule, type ServiceStorage } from '../../engine/src/database';
import { EventSourcingModule } from '../../engine/src/event-sourcing';
import { HistoryModule } from '../../engine/src/history/history.module';
import { ReportsModule } from '../../engine/src/reports/reports.module';

/**
 * Schema `audit`: the witness ledger, signed checkpoints and signing keys, the access log, the
 * history index (audit_subject_*), the reports (rpt_*), checkpoints, and rm_officials (names in
 * histories and reports) — the one rm_* table its queries read.
 */
export const AUDIT_STORAGE: ServiceStorage = { schema: 'audit', readModels: ['rm_officials'] };

/**
 * The audit service: the witness ledger with signed checkpoints, chain verification, the
 * access log, histories of officials and units (JSON/CSV/PDF, for hearings and the board)
 * and the reports. Its own projections feed the history index and the rpt_* tables.
 */
export const AUDIT_MODULES: NonNullable<ModuleMetadata['imports']> = [
  ServiceStorageModule.forService(AUDIT_STORAGE), EventSourcingModule, CalendarModule, AuditModule, HistoryModule, ReportsModule,
];
