import type { BusinessCalendar } from '../calendar/business-calendar';
import type { FindingEvent } from '../finding/finding.events';
import type { RemediationRules } from './deadline-policy';
import type { FiredTimer } from './process-timer';
import type { Addressee } from './remediation.values';

/**
 * Facts the process needs beyond its own stream, gathered by the runtime at the moment of
 * the input (the org registry "at that moment", the calendar, the policy in force).
 */
export interface RemediationContext {
  /** The engine clock (ISO instant). */
  now: string;
  calendar: BusinessCalendar;
  /** The unit's head now, and its supervising authority's head (supervising unit, else parent unit). */
  unitHead: Addressee;
  supervisor: Addressee;
  /** Only for FindingRecorded: the rules of the policy in force, and the inspection's team. */
  start?: { rules: RemediationRules; teamId: string | null };
}

/** Finding events the process reacts to; occurredAt is the event's domain time. */
export interface FindingInput {
  type: 'FindingEvent';
  event: FindingEvent;
  occurredAt: string;
  context: RemediationContext;
}

export interface TimerInput {
  type: 'TimerFired';
  timer: FiredTimer;
  context: RemediationContext;
}

export type RemediationInput = FindingInput | TimerInput;
