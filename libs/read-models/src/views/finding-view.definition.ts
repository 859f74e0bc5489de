import {
  FINDING_EVENT_TYPES,
  REMEDIATION_EVENT_TYPES,
  findingDecider,
  remediationProcess,
  type ExistingRemediation,
  type FindingEvent,
  type FindingState,
  type RemediationState,
  type RemediationStreamEvent,
} from '@rectify/domain';
import type { AggregateViewDefinition, ViewColumn } from '../projection/aggregate-view.definition';
import { stateColumn } from './view-columns';

export const FINDINGS_TABLE = 'rm_findings';

export const findingView: AggregateViewDefinition<FindingState> = {
  name: 'findings',
  table: FINDINGS_TABLE,
  streamPrefix: 'finding-',
  eventTypes: FINDING_EVENT_TYPES,
  initialState: findingDecider.initialState,
  evolve: (state, event) => findingDecider.evolve(state, event as FindingEvent),
  columns: [
    stateColumn<FindingState>('inspection_id', 'text', (s) => s.inspectionId),
    stateColumn<FindingState>('unit_id', 'text', (s) => s.unitId),
    stateColumn<FindingState>('category', 'text', (s) => s.category),
    stateColumn<FindingState>('severity', 'text', (s) => s.severity),
    stateColumn<FindingState>('status', 'text', (s) => s.status),
    stateColumn<FindingState>('title', 'text', (s) => s.title),
    stateColumn<FindingState>('observed_at', 'timestamptz', (s) => s.observedAt),
  ],
};

/**
 * The finding's workflow columns (dueAt, acknowledgeBy, overdue, escalationLevel…), one row
 * per finding (id = finding id) folded from its remediation process stream `remediation-<id>`
 * with the domain's own evolve. A table apart from rm_findings because the two streams are
 * projected by separate subscriptions: neither can depend on the other's row existing.
 */
export const FINDING_WORKFLOW_TABLE = 'rm_finding_workflow';

const workflowColumn = (name: string, sqlType: ViewColumn<RemediationState>['sqlType'], pick: (s: ExistingRemediation) => unknown) =>
  stateColumn<RemediationState>(name, sqlType, (s) => pick(s as ExistingRemediation));

export const findingWorkflowView: AggregateViewDefinition<RemediationState> = {
  name: 'finding-workflow',
  table: FINDING_WORKFLOW_TABLE,
  streamPrefix: 'remediation-',
  eventTypes: REMEDIATION_EVENT_TYPES,
  initialState: remediationProcess.initialState,
  evolve: (state, event) => remediationProcess.evolve(state, event as RemediationStreamEvent),
  columns: [
    workflowColumn('unit_id', 'text', (s) => s.unitId),
    workflowColumn('team_id', 'text', (s) => s.teamId),
    workflowColumn('phase', 'text', (s) => s.status),
    workflowColumn('due_at', 'timestamptz', (s) => s.schedule.dueAt),
    workflowColumn('acknowledge_by', 'timestamptz', (s) => s.acknowledgeBy),
    workflowColumn('overdue', 'boolean', (s) => s.overdue),
    workflowColumn('escalation_level', 'integer', (s) => s.escalationLevel),
    workflowColumn('escalated_to', 'jsonb', (s) => s.escalatedTo),
  ],
};

export const FINDING_WORKFLOW_STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS ${FINDING_WORKFLOW_TABLE} (id text PRIMARY KEY, version integer NOT NULL, state jsonb NOT NULL,
     created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, unit_id text, team_id text, phase text,
     due_at timestamptz, acknowledge_by timestamptz, overdue boolean, escalation_level integer, escalated_to jsonb)`,
  `CREATE INDEX IF NOT EXISTS rm_finding_workflow_unit ON ${FINDING_WORKFLOW_TABLE} (unit_id, phase)`,
  `CREATE INDEX IF NOT EXISTS rm_finding_workflow_team ON ${FINDING_WORKFLOW_TABLE} (team_id, phase)`,
  `CREATE INDEX IF NOT EXISTS rm_finding_workflow_escalated ON ${FINDING_WORKFLOW_TABLE} USING gin (escalated_to)`,
];
