import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@rectify/event-store';
import type { Projector } from '@rectify/read-models';
import { disciplineForm, disciplineParties, disciplineStage, findingIdOf } from './report-event-rules';
import { REPORT_TABLES } from './report.schema';

interface FindingRow {
  finding_id: string;
  inspection_id: string | null;
  unit_id: string;
  category: string;
  severity: string;
  status: string;
  recorded_at: Date;
  closed_at: Date | null;
  due_at: Date | null;
  overdue: boolean;
  escalation_level: number;
  was_overdue: boolean;
}

type Insert = { table: 'rpt_escalations' | 'rpt_discipline'; values: unknown[] };

/**
 * Feeds the rpt_* tables. Each batch loads the findings it touches, folds the events in
 * memory and writes each table with one statement. Rows keyed by event id are inserted
 * with ON CONFLICT DO NOTHING, so replaying a batch changes nothing.
 */
export class ReportProjector implements Projector {
  readonly name = 'report:figures';
  readonly tables = [...REPORT_TABLES];
  readonly eventTypes: readonly string[] = [];

  async project(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const findings = await this.loadFindings(tx, events);
    const touched = new Set<string>();
    const inserts: Insert[] = [];
    for (const event of events) {
      await this.projectOrg(event, tx);
      const id = findingIdOf(event);
      const finding = id ? findings.get(id) : undefined;
      if (event.type === 'FindingRecorded' && id) {
        const d = event.data as Record<string, string>;
        findings.set(id, { finding_id: id, inspection_id: d.inspectionId ?? null, unit_id: d.unitId, category: d.category,
          severity: d.severity, status: 'open', recorded_at: event.occurredAt, closed_at: null, due_at: null, overdue: false, escalation_level: 0, was_overdue: false });
        touched.add(id);
      } else if (finding && applyToFinding(finding, event)) {
        touched.add(finding.finding_id);
      }
      if (event.type === 'FindingEscalated' && id) {
        inserts.push({ table: 'rpt_escalations', values: [event.id, id, finding?.unit_id ?? null, Number(event.data.level), event.occurredAt] });
      }
      const stage = disciplineStage(event.type);
      if (stage) {
        const { officialId, unitId } = disciplineParties(event.data);
        inserts.push({ table: 'rpt_discipline', values: [event.id, event.streamId, event.type, stage, disciplineForm(stage, event.data),
          officialId, unitId ?? finding?.unit_id ?? null, event.occurredAt] });
      }
    }
    await this.saveFindings(tx, [...touched].map((id) => findings.get(id) as FindingRow));
    await this.insertRows(tx, inserts);
  }

  private async projectOrg(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const d = event.data as Record<string, string>;
    switch (event.type) {
      case 'UnitCreated':
        await tx.query(`INSERT INTO rpt_units (unit_id, name, kind) VALUES ($1, $2, $3) ON CONFLICT (unit_id) DO UPDATE SET name = $2, kind = $3`,
          [d.unitId, d.name, d.kind]);
        return;
      case 'UnitHeadAppointed':
        await tx.query('UPDATE rpt_units SET head_official_id = $2 WHERE unit_id = $1', [d.unitId, d.officialId]);
        return;
      case 'InspectionOpened':
        await tx.query(
          `INSERT INTO rpt_inspections (inspection_id, kind, unit_id, team_id, started_at, status) VALUES ($1, $2, $3, $4, $5, 'open')
           ON CONFLICT (inspection_id) DO NOTHING`,
          [d.inspectionId, d.kind, d.unitId, d.teamId ?? null, d.startedAt]);
        return;
      case 'InspectionConcluded':
        await tx.query(`UPDATE rpt_inspections SET status = 'concluded' WHERE inspection_id = $1`, [d.inspectionId]);
        return;
      default:
        return;
    }
  }

  private async loadFindings(tx: PoolClient, events: readonly RecordedEvent[]): Promise<Map<string, FindingRow>> {
    const ids = [...new Set(events.map(findingIdOf).filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const { rows } = await tx.query<FindingRow>('SELECT * FROM rpt_findings WHERE finding_id = ANY($1::text[])', [ids]);
    return new Map(rows.map((row) => [row.finding_id, row]));
  }

  private async saveFindings(tx: PoolClient, rows: FindingRow[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof FindingRow>(k: K) => rows.map((r) => r[k]);
    await tx.query(
      `INSERT INTO rpt_findings (finding_id, inspection_id, unit_id, category, severity, status, recorded_at, closed_at, due_at, overdue, escalation_level, was_overdue)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                            $8::timestamptz[], $9::timestamptz[], $10::boolean[], $11::int[], $12::boolean[])
       ON CONFLICT (finding_id) DO UPDATE SET status = EXCLUDED.status, closed_at = EXCLUDED.closed_at, due_at = EXCLUDED.due_at,
         overdue = EXCLUDED.overdue, escalation_level = EXCLUDED.escalation_level, was_overdue = EXCLUDED.was_overdue`,
      [column('finding_id'), column('inspection_id'), column('unit_id'), column('category'), column('severity'), column('status'),
        column('recorded_at'), column('closed_at'), column('due_at'), column('overdue'), column('escalation_level'), column('was_overdue')],
    );
  }

  private async insertRows(tx: PoolClient, inserts: Insert[]): Promise<void> {
    for (const table of ['rpt_escalations', 'rpt_discipline'] as const) {
      const rows = inserts.filter((i) => i.table === table).map((i) => i.values);
      if (rows.length === 0) continue;
      const columns = rows[0].map((_, index) => rows.map((row) => row[index]));
      const sql = table === 'rpt_escalations'
        ? `INSERT INTO rpt_escalations SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::timestamptz[]) ON CONFLICT DO NOTHING`
        : `INSERT INTO rpt_discipline SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[]) ON CONFLICT DO NOTHING`;
      await tx.query(sql, columns);
    }
  }
}

/** Folds one event into a finding's report row; false when it changes nothing reported. */
function applyToFinding(row: FindingRow, event: RecordedEvent): boolean {
  const d = event.data as Record<string, unknown>;
  const dueAt = typeof d.dueAt === 'string' ? new Date(d.dueAt) : null;
  const schedule = d.schedule as { dueAt?: string } | undefined;
  switch (event.type) {
    case 'FindingClosed':
      Object.assign(row, { status: 'closed', closed_at: event.occurredAt, overdue: false });
      return true;
    case 'FindingWithdrawn':
      Object.assign(row, { status: 'withdrawn', overdue: false });
      return true;
    case 'FindingReopened':
      Object.assign(row, { status: 'open', closed_at: null });
      return true;
    case 'FindingMarkedOverdue':
      Object.assign(row, { overdue: row.status === 'open', was_overdue: true, due_at: dueAt ?? row.due_at });
      return true;
    case 'FindingEscalated':
      Object.assign(row, { overdue: row.status === 'open', was_overdue: true, due_at: dueAt ?? row.due_at, escalation_level: Math.max(row.escalation_level, Number(d.level) || 0) });
      return true;
    case 'RemediationStarted':
    case 'RemediationDeadlineExtended':
    case 'RemediationClockResumed':
      Object.assign(row, { due_at: schedule?.dueAt ? new Date(schedule.dueAt) : row.due_at, overdue: d.overdue === true });
      return true;
    case 'RemediationRestarted':
      Object.assign(row, { due_at: schedule?.dueAt ? new Date(schedule.dueAt) : row.due_at, overdue: false, escalation_level: 0 });
      return true;
    default:
      return false;
  }
}
