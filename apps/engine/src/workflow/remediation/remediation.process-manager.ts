import type { PoolClient } from 'pg';
import {
  REMEDIATION_INPUT_TYPES,
  remediationProcess,
  resolveRemediationRules,
  vietnamCalendarDate,
  type BusinessCalendar,
  type FindingEvent,
  type RemediationContext,
  type RemediationEvent,
  type RemediationInput,
  type RemediationState,
} from '@rectify/domain';
import type { EventStore } from '@rectify/event-store';
import type { Clock, ProcessInput, ProcessManager } from '@rectify/workflow';
import { loadStartFacts, loadUnit, portRegistry, sqlRegistry, startKey, supervisorOf, unitHeadOf, type RegistrySource, type StartFacts } from './registry-lookup';

export interface RemediationProcessDeps {
  clock: Clock;
  calendar: () => Promise<BusinessCalendar>;
  /**
   * KurrentDB mode (LOG_FOLLOWING set): registry facts (units, policy, inspections) are read
   * through this EventStore port. Default: inside the step's PostgreSQL transaction.
   */
  registryStore?: EventStore;
}

/**
 * The remediation process manager on the runtime: stream `remediation-<findingId>`, inputs
 * the finding's events, context from the registry at this moment (unit head, supervising
 * authority), the policy in force (on recording) and the business calendar.
 */
export function remediationProcessManager(deps: RemediationProcessDeps): ProcessManager<RemediationState, RemediationEvent, RemediationContext> {
  const port = deps.registryStore ? portRegistry(deps.registryStore) : null;
  const registry = (tx: PoolClient): RegistrySource => port ?? sqlRegistry(tx);
  return {
    name: 'remediation',
    inputTypes: REMEDIATION_INPUT_TYPES,
    route: (event) => (event.streamId.startsWith('finding-') ? event.streamId.slice('finding-'.length) : null),
    initialState: remediationProcess.initialState,
    evolve: remediationProcess.evolve,
    timers: remediationProcess.timers,
    prefetch: (events, tx) => registry(tx).startFactsOfMany(events.filter((e) => e.type === 'FindingRecorded').map((e) => ({ unitId: String(e.data.unitId), inspectionId: String(e.data.inspectionId) }))),
    context: (input, state, tx, prefetched) => context(deps, input, state, registry(tx), prefetched as Map<string, StartFacts> | undefined),
    decide: (input, state, ctx) => remediationProcess.decide(toDomainInput(input, ctx), state),
  };
}

async function context(
  deps: RemediationProcessDeps,
  input: ProcessInput,
  state: RemediationState,
  source: RegistrySource,
  prefetched: Map<string, StartFacts> | undefined,
): Promise<RemediationContext> {
  const recorded = input.kind === 'event' && input.event.type === 'FindingRecorded' ? (input.event.data as Extract<FindingEvent, { type: 'FindingRecorded' }>['data']) : null;
  const starting = recorded !== null && state.status === 'absent';
  const unitId = recorded?.unitId ?? (state.status === 'absent' ? null : state.unitId);
  const facts = starting ? (prefetched?.get(startKey(recorded.unitId, recorded.inspectionId)) ?? (await loadStartFacts(source, recorded.unitId, recorded.inspectionId))) : null;
  const unit = facts?.unit ?? (unitId ? await loadUnit(source, unitId) : null);
  const base = {
    now: deps.clock.now().toISOString(),
    calendar: await deps.calendar(),
    unitHead: unit && unitId ? await unitHeadOf(source, unitId, unit) : { officialId: null, unitId: null, role: 'unit_head' as const },
    supervisor: unit ? await supervisorOf(source, unit, facts?.authority) : { officialId: null, unitId: null, role: 'supervising_authority' as const },
  };
  if (!facts || !recorded) return base;
  const rules = resolveRemediationRules(facts.policy.policy, facts.policy.revision, {
    severity: recorded.severity,
    category: recorded.category,
    unitKind: facts.unit.status !== 'absent' ? facts.unit.kind : null,
  });
  return { ...base, start: { rules, teamId: facts.inspection.status === 'absent' ? null : facts.inspection.teamId } };
}

function toDomainInput(input: ProcessInput, context: RemediationContext): RemediationInput {
  if (input.kind === 'timer') return { type: 'TimerFired', timer: input.timer, context };
  const event = { type: input.event.type, data: input.event.data } as FindingEvent;
  return { type: 'FindingEvent', event, occurredAt: input.event.occurredAt.toISOString(), context };
}

/** The Vietnam date of the engine clock (for inbox urgency). */
export const vietnamToday = (clock: Clock): string => vietnamCalendarDate(clock.now());
