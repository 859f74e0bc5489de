import type { ModuleMetadata } from '@nestjs/common';
import { CalendarModule } from '../../engine/src/calendar/calendar.module';
import { DemoModule } from '../../engine/src/demo/demo.module';
import { EventSourcingModule } from '../../engine/src/event-sourcing';
import { EvidenceModule } from '../../engine/src/evidence/evidence.module';
import { FindingsModule } from '../../engine/src/findings/findings.module';
import { InspectionsModule } from '../../engine/src/inspections/inspections.module';
import { MessagingModule } from '../../engine/src/messaging/messaging.module';
import { OrgModule } from '../../engine/src/org/org.module';

/**
 * The inspection service: the org registry, inspections and findings (commands, queries,
 * HTTP, evidence uploads), the Kafka ingress and outbound relay when KAFKA_BROKERS is set, and the demo seed
 * (seeded here only). Its read models (rm_*) are fed by its own projections
 * (EventSourcingModule); the calendar is read from its stream (extension deadlines).
 */
export const INSPECTION_MODULES: NonNullable<ModuleMetadata['imports']> = [
  EventSourcingModule,
  CalendarModule,
  OrgModule,
  InspectionsModule,
  FindingsModule,
  EvidenceModule,
  DemoModule,
  MessagingModule,
];
