import type { ModuleMetadata } from '@nestjs/common';
import { EventSourcingModule } from './event-sourcing';
import { CalendarModule } from './calendar/calendar.module';
import { FindingsModule } from './findings/findings.module';
import { OrgModule } from './org/org.module';
import { InspectionsModule } from './inspections/inspections.module';
import { DemoModule } from './demo/demo.module';
import { MessagingModule } from './messaging/messaging.module';
import { WebModule } from './web/web.module';
import { AuditModule } from './audit/audit.module';
import { HistoryModule } from './history/history.module';
import { ReportsModule } from './reports/reports.module';
import { DisciplineModule } from './discipline/discipline.module';
import { WorkflowModule } from './workflow/workflow.module';
import { EvidenceModule } from './evidence/evidence.module';

/**
 * Feature modules of the all-in-one engine (inspection, finding, org, workflow, audit…).
 * Add yours here; EngineModule imports them after config, database and auth, so they can
 * inject ENGINE_CONFIG, PG_POOL, DATABASE_CONNECTION, TypeORM repositories and
 * SUBSCRIPTION_HEALTH, and their controllers sit behind the global AuthGuard under /api/v1.
 * EventSourcingModule (global) provides EVENT_STORE, CommandRunner, CLOCK and the CQRS buses.
 */
export const FEATURE_MODULES: NonNullable<ModuleMetadata['imports']> = [
  EventSourcingModule,
  CalendarModule,
  FindingsModule,
  OrgModule,
  InspectionsModule,
  DemoModule,
  MessagingModule,
  WebModule,
  AuditModule,
  HistoryModule,
  ReportsModule,
  DisciplineModule,
  WorkflowModule,
  EvidenceModule,
];
