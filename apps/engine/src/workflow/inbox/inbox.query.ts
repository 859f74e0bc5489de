import type { Pool } from 'pg';
import type { Actor, BusinessCalendar, ExistingFinding } from '@rectify/domain';

export type InboxReason =
  | 'acknowledge'
  | 'submit_plan'
  | 'submit_evidence'
  | 'resolve_dispute'
  | 'decide_extension'
  | 'verify'
  | 'escalated'
  | 'referred'
  | 'responsible';

export interface InboxItem {
  findingId: string;
  title: string;
  unitId: string;
  severity: string;
  status: string;
  reasons: InboxReason[];
  /** The deadline that matters for the caller's action (acknowledgement or remediation). */
  deadline: string | null;
  dueAt: string | null;
  acknowledgeBy: string | null;
  overdue: boolean;
  /** Due within 3 working days (and not overdue). */
  dueSoon: boolean;
  escalationLevel: number;
}

interface Row {
  id: string;
  state: ExistingFinding;
  unit_id: string;
  due_at: Date | null;
  acknowledge_by: Date | null;
  overdue: boolean | null;
  escalation_level: number | null;
  team_id: string | null;
  escalated_to: string[] | null;
  inspection_team_id: string | null;
}

const DUE_SOON_WORKING_DAYS = 3;

/**
 * Findings awaiting the caller's action, due soon, overdue or escalated to them, most urgent
 * first: escalation level (high first), then overdue, then the nearest deadline.
 * Who acts: a unit head for units they head (acknowledge, plan, evidence); the team lead of
 * the finding's team (disputes, extension requests, verification); inspectors of that team
 * (verification); anyone an escalation was addressed to; board members and secretaries for
 * referrals (level 3); any official named responsible for an open finding (so findings handed
 * to a successor reach them).
 */
export async function inboxFor(pool: Pool, actor: Actor, calendar: BusinessCalendar, now: Date): Promise<InboxItem[]> {
  const [headed, ownUnit] = await Promise.all([
    pool.query<{ id: string }>('SELECT id FROM rm_units WHERE head_official_id = $1', [actor.id]),
    pool.query<{ unit_id: string }>('SELECT unit_id FROM rm_officials WHERE id = $1', [actor.id]),
  ]);
  const units = [...new Set([...(actor.unitIds ?? []), ...headed.rows.map((r) => r.id)])];
  const teams = [...new Set([...headed.rows.map((r) => r.id), ...ownUnit.rows.map((r) => r.unit_id)])];
  const board = actor.role === 'board_member' || actor.role === 'board_secretary';
  const { rows } = await pool.query<Row>(
    `SELECT f.id, f.state, f.unit_id, w.due_at, w.acknowledge_by, w.overdue, w.escalation_level, w.team_id,
            w.escalated_to, i.team_id AS inspection_team_id
       FROM rm_findings f
       LEFT JOIN rm_finding_workflow w ON w.id = f.id
       LEFT JOIN rm_inspections i ON i.id = f.inspection_id
      WHERE f.status NOT IN ('closed', 'withdrawn')
        AND (f.unit_id = ANY($1::text[]) OR COALESCE(w.team_id, i.team_id) = ANY($2::text[])
             OR w.escalated_to ? $3 OR ($4 AND w.escalation_level = 3)
             OR f.state->'responsibleOfficialIds' ? $3)
      LIMIT 500`,
    [units, teams, actor.id, board],
  );
  const today = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const items = rows.map((row) => toItem(row, actor, units, teams, board, calendar, today)).filter((i): i is InboxItem => i !== null);
  return items.sort(
    (a, b) =>
      b.escalationLevel - a.escalationLevel ||
      Number(b.overdue) - Number(a.overdue) ||
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
      a.findingId.localeCompare(b.findingId),
  );
}

function toItem(row: Row, actor: Actor, units: string[], teams: string[], board: boolean, calendar: BusinessCalendar, today: string): InboxItem | null {
  const f = row.state;
  const reasons: InboxReason[] = [];
  const team = row.team_id ?? f.delegatedToTeamId ?? row.inspection_team_id;
  if (actor.role === 'unit_head' && units.includes(f.unitId)) {
    if (f.status === 'recorded') reasons.push('acknowledge');
    if (f.status === 'acknowledged') reasons.push('submit_plan');
    if (f.status === 'in_remediation') reasons.push('submit_evidence');
  }
  if ((actor.role === 'team_lead' || actor.role === 'inspector') && team && teams.includes(team)) {
    if (actor.role === 'team_lead' && f.status === 'disputed') reasons.push('resolve_dispute');
    if (actor.role === 'team_lead' && (f.extensionRequests ?? []).some((r) => r.status === 'pending' && r.requestedBy !== actor.id)) reasons.push('decide_extension');
    if (f.status === 'awaiting_verification') reasons.push('verify');
  }
  if ((row.escalated_to ?? []).includes(actor.id)) reasons.push('escalated');
  if (board && row.escalation_level === 3) reasons.push('referred');
  if (f.responsibleOfficialIds.includes(actor.id)) reasons.push('responsible');
  if (reasons.length === 0) return null;
  const dueAt = row.due_at?.toISOString() ?? null;
  const acknowledgeBy = row.acknowledge_by?.toISOString() ?? null;
  const overdue = row.overdue ?? false;
  const dueDate = dueAt ? new Date(Date.parse(dueAt) + 7 * 3600_000 - 1).toISOString().slice(0, 10) : null;
  const dueSoon = !overdue && dueDate !== null && calendar.workingDaysBetween(today, dueDate) <= DUE_SOON_WORKING_DAYS;
  return {
    findingId: row.id,
    title: f.title,
    unitId: f.unitId,
    severity: f.severity,
    status: f.status,
    reasons,
    deadline: reasons.includes('acknowledge') && acknowledgeBy ? acknowledgeBy : dueAt,
    dueAt,
    acknowledgeBy,
    overdue,
    dueSoon,
    escalationLevel: row.escalation_level ?? 0,
  };
}
