import type { ModuleMetadata } from '@nestjs/common';
import { CalendarModule } from '../../engine/src/calendar/calendar.module';
import { ServiceStorageModule, type ServiceStorage } from '../../engine/src/database';
import { EventSourcingModule } from '../../engine/src/event-sourcing';
import { WorkflowModule } from '../../engine/src/workflow/workflow.module';

/**
 * Schema `workflow`: its timers, notification outbox, checkpoints and read models. The inbox
 * joins all five read models below (apps/engine/src/workflow/inbox/inbox.query.ts).
 */
export const WORKFLOW_STORAGE: ServiceStorage = {
  schema: 'workflow',
  readModels: ['rm_units', 'rm_officials', 'rm_inspections', 'rm_findings', 'rm_finding_workflow'],
};

/**
 * The workflow service: the remediation process manager and its timers, the inbox, the
 * business calendar (its overrides are events), deadline policies and notifications. The
 * process reads the registry from the event store; the inbox reads its own projections.
 * Any number of replicas: timers are claimed with FOR UPDATE SKIP LOCKED, subscriptions
 * lock their checkpoint row per batch.
 */
export const WORKFLOW_MODULES: NonNullable<ModuleMetadata['imports']> = [ServiceStorageModule.forService(WORKFLOW_STORAGE), EventSourcingModule, CalendarModule, WorkflowModule];
