import type { ModuleMetadata } from '@nestjs/common';
import { CalendarModule } from '../../engine/src/calendar/calendar.module';
import { DemoModule } from '../../engine/src/demo/demo.module';
import { ServiceStorageModule, type ServiceStorage } from '../../engine/src/database';
import { EventSourcingModule } from '../../engine/src/event-sourcing';
import { EvidenceModule } from '../../engine/src/evidence/evidence.module';
import { FindingsModule } from '../../engine/src/findings/findings.module';
import { InspectionsModule } from '../../engine/src/inspections/inspections.module';
import { MessagingModule } from '../../engine/src/messaging/messaging.module';
import { OrgModule } from '../../engine/src/org/org.module';

/**
 * Schema `inspection`: its checkpoints (projections, Kafka relay) and read models. Org queries
 * read rm_units and rm_officials, inspection queries rm_inspections and rm_findings, finding
 * queries rm_findings with rm_finding_workflow (deadlines and escalation, from the workflow's events).
 */
export const INSPECTION_STORAGE: ServiceStorage = {
  schema: 'inspection',
  readModels: ['rm_units', 'rm_officials', 'rm_inspections', 'rm_findings', 'rm_finding_workflow'],
};

/**
 * The inspection service: the org registry, inspections and findings (commands, queries,
 * HTTP, evidence uploads), the Kafka ingress and outbound relay when KAFKA_BROKERS is set, and the demo seed
 * (seeded here only). Its read models (rm_*) are fed by its own projections
 * (EventSourcingModule); the calendar is read from its stream (extension deadlines).
 */
export const INSPECTION_MODULES: NonNullable<ModuleMetadata['imports']> = [
  ServiceStorageModule.forService(INSPECTION_STORAGE),
  EventSourcingModule,
  CalendarModule,
  OrgModule,
  InspectionsModule,
  FindingsModule,
  EvidenceModule,
  DemoModule,
  MessagingModule,
];
