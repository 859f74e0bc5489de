import type { ModuleMetadata } from '@nestjs/common';
import { CalendarModule } from '../../engine/src/calendar/calendar.module';
import { EventSourcingModule } from '../../engine/src/event-sourcing';
import { WorkflowModule } from '../../engine/src/workflow/workflow.module';

/**
 * The workflow service: the remediation process manager and its timers, the inbox, the
 * business calendar (its overrides are events), deadline policies and notifications. The
 * process reads the registry from the event store; the inbox reads its own projections.
 * Any number of replicas: timers are claimed with FOR UPDATE SKIP LOCKED, subscriptions
 * lock their checkpoint row per batch.
 */
export const WORKFLOW_MODULES: NonNullable<ModuleMetadata['imports']> = [EventSourcingModule, CalendarModule, WorkflowModule];
