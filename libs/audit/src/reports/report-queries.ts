import type { Queryable } from '@rectify/event-store';
import { median, percentile, vietnamDate, weekdaysBetween, type WorkingDaysCounter } from './working-days';

export interface ReportFilter {
  from?: Date;
  to?: Date;
  unitId?: string;
}

export type ReportRow = Record<string, string | number | null>;

/** Every report: its rows (what CSV exports) plus summary figures. */
export interface Report<S extends object = object> {
  report: string;
  filter: { from: string | null; to: string | null; unitId: string | null };
  summary: S;
  rows: ReportRow[];
}

export const INSPECTION_KIND_ORDER = ['scheduled', 'surprise', 'directed', 'verification', 'internal'];

const period = (column: string, first: number) =>
  `($${first}::timestamptz IS NULL OR ${column} >= $${first}) AND ($${first + 1}::timestamptz IS NULL OR ${column} < $${first + 1})`;

function params(filter: ReportFilter): unknown[] {
  return [filter.from ?? null, filter.to ?? null, filter.unitId ?? null];
}

function echo(filter: ReportFilter): Report['filter'] {
  return { from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null, unitId: filter.unitId ?? null };
}

/** Inspections by kind (all five, zeros included) and by kind of unit inspected; started in the period. */
export async function inspectionsReport(db: Queryable, filter: ReportFilter): Promise<Report<{ inspections: number; units: number }>> {
  const where = `${period('i.started_at', 1)} AND ($3::text IS NULL OR i.unit_id = $3)`;
  const [byKind, byUnitKind, total] = await Promise.all([
    db.query<{ kind: string; inspections: string; units: string }>(
      `SELECT i.kind, count(*)::text AS inspections, count(DISTINCT i.unit_id)::text AS units FROM rpt_inspections i WHERE ${where} GROUP BY i.kind`, params(filter)),
    db.query<{ kind: string; inspections: string; units: string }>(
      `SELECT coalesce(u.kind, 'unknown') AS kind, count(*)::text AS inspections, count(DISTINCT i.unit_id)::text AS units
         FROM rpt_inspections i LEFT JOIN rpt_units u ON u.unit_id = i.unit_id WHERE ${where} GROUP BY 1 ORDER BY 1`, params(filter)),
    db.query<{ inspections: string; units: string }>(
      `SELECT count(*)::text AS inspections, count(DISTINCT i.unit_id)::text AS units FROM rpt_inspections i WHERE ${where}`, params(filter)),
  ]);
  const kinds = new Map(byKind.rows.map((r) => [r.kind, r]));
  const rows: ReportRow[] = [
    ...[...new Set([...INSPECTION_KIND_ORDER, ...kinds.keys()])].map((kind) => ({
      dimension: 'inspection_kind', value: kind, inspections: Number(kinds.get(kind)?.inspections ?? 0), units: Number(kinds.get(kind)?.units ?? 0),
    })),
    ...byUnitKind.rows.map((r) => ({ dimension: 'unit_kind', value: r.kind, inspections: Number(r.inspections), units: Number(r.units) })),
  ];
  return { report: 'inspections', filter: echo(filter), summary: { inspections: Number(total.rows[0].inspections), units: Number(total.rows[0].units) }, rows };
}

/** Findings recorded in the period, by category and severity. */
export async function findingsReport(db: Queryable, filter: ReportFilter): Promise<Report<{ findings: number }>> {
  const { rows } = await db.query<{ category: string; severity: string; findings: string }>(
    `SELECT category, severity, count(*)::text AS findings FROM rpt_findings
      WHERE ${period('recorded_at', 1)} AND ($3::text IS NULL OR unit_id = $3) GROUP BY 1, 2 ORDER BY 1, 2`, params(filter));
  const out = rows.map((r) => ({ category: r.category, severity: r.severity, findings: Number(r.findings) }));
  return { report: 'findings', filter: echo(filter), summary: { findings: out.reduce((n, r) => n + r.findings, 0) }, rows: out };
}

interface StatusCounts { total: number; open: number; overdue: number; closed: number; withdrawn: number }

/** Of the findings recorded in the period: open (overdue among them), closed, withdrawn — now. */
export async function statusReport(db: Queryable, filter: ReportFilter, now: Date): Promise<Report<StatusCounts>> {
  const { rows } = await db.query<Record<keyof StatusCounts, string>>(
    `SELECT count(*)::text AS total,
            count(*) FILTER (WHERE status = 'open')::text AS open,
            count(*) FILTER (WHERE status = 'open' AND (overdue OR due_at < $4))::text AS overdue,
            count(*) FILTER (WHERE status = 'closed')::text AS closed,
            count(*) FILTER (WHERE status = 'withdrawn')::text AS withdrawn
       FROM rpt_findings WHERE ${period('recorded_at', 1)} AND ($3::text IS NULL OR unit_id = $3)`, [...params(filter), now]);
  const summary = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)])) as unknown as StatusCounts;
  return { report: 'finding-status', filter: echo(filter), summary,
    rows: (['open', 'overdue', 'closed', 'withdrawn', 'total'] as const).map((status) => ({ status, findings: summary[status] })) };
}

/** Working days from recording to closure of the findings closed in the period. */
export async function timeToCloseReport(
  db: Queryable, filter: ReportFilter, workingDays: WorkingDaysCounter = weekdaysBetween,
): Promise<Report<{ closed: number; medianWorkingDays: number | null; p90WorkingDays: number | null; calendar: string }>> {
  const { rows } = await db.query<{ finding_id: string; unit_id: string; severity: string; recorded_at: Date; closed_at: Date }>(
    `SELECT finding_id, unit_id, severity, recorded_at, closed_at FROM rpt_findings
      WHERE status = 'closed' AND ${period('closed_at', 1)} AND ($3::text IS NULL OR unit_id = $3) ORDER BY closed_at`, params(filter));
  const out = rows.map((r) => ({
    findingId: r.finding_id, unitId: r.unit_id, severity: r.severity, recordedOn: vietnamDate(r.recorded_at), closedOn: vietnamDate(r.closed_at),
    workingDays: workingDays(vietnamDate(r.recorded_at), vietnamDate(r.closed_at)),
  }));
  const days = out.map((r) => r.workingDays);
  return { report: 'time-to-close', filter: echo(filter),
    summary: { closed: out.length, medianWorkingDays: median(days), p90WorkingDays: percentile(days, 90),
      calendar: workingDays === weekdaysBetween ? 'weekdays' : 'business' },
    rows: out };
}

/** Escalations that happened in the period, by level. */
export async function escalationsReport(db: Queryable, filter: ReportFilter): Promise<Report<{ escalations: number }>> {
  const { rows } = await db.query<{ level: number; escalations: string }>(
    `SELECT level, count(*)::text AS escalations FROM rpt_escalations
      WHERE ${period('occurred_at', 1)} AND ($3::text IS NULL OR unit_id = $3) GROUP BY 1 ORDER BY 1`, params(filter));
  const counts = new Map(rows.map((r) => [r.level, Number(r.escalations)]));
  const out = [1, 2, 3, ...[...counts.keys()].filter((l) => l > 3)].map((level) => ({ level, escalations: counts.get(level) ?? 0 }));
  return { report: 'escalations', filter: echo(filter), summary: { escalations: out.reduce((n, r) => n + r.escalations, 0) }, rows: out };
}

/** Referrals, cases and decisions in the period, by form (decisions inherit their case's unit). */
export async function disciplineReport(db: Queryable, filter: ReportFilter): Promise<Report<Record<'referrals' | 'cases' | 'decisions', number>>> {
  const { rows } = await db.query<{ stage: string; form: string; n: string }>(
    `SELECT d.stage, d.form, count(*)::text AS n FROM rpt_discipline d
      WHERE ${period('d.occurred_at', 1)}
        AND ($3::text IS NULL OR coalesce(d.unit_id, (SELECT c.unit_id FROM rpt_discipline c WHERE c.stream_id = d.stream_id AND c.unit_id IS NOT NULL LIMIT 1)) = $3)
      GROUP BY 1, 2 ORDER BY 1, 2`, params(filter));
  const out = rows.map((r) => ({ stage: r.stage, form: r.form, count: Number(r.n) }));
  const sum = (stage: string) => out.filter((r) => r.stage === stage).reduce((n, r) => n + r.count, 0);
  return { report: 'discipline', filter: echo(filter), summary: { referrals: sum('referral'), cases: sum('case'), decisions: sum('decision') }, rows: out };
}

/** Per unit: head, findings recorded in the period, open/overdue/closed, overdue rate, time to close, escalations. */
export async function unitScorecard(
  db: Queryable, filter: ReportFilter, now: Date, workingDays: WorkingDaysCounter = weekdaysBetween,
): Promise<Report<{ units: number }>> {
  const { rows } = await db.query<{ unit_id: string; name: string | null; kind: string | null; head_official_id: string | null; head_name: string | null;
    status: string; overdue_now: boolean; recorded_at: Date; closed_at: Date | null; was_overdue: boolean; escalations: string }>(
    `SELECT f.unit_id, u.name, u.kind, u.head_official_id, o.full_name AS head_name, f.status,
            (f.status = 'open' AND (f.overdue OR f.due_at < $4)) AS overdue_now, f.recorded_at, f.closed_at, f.was_overdue,
            (SELECT count(*) FROM rpt_escalations e WHERE e.finding_id = f.finding_id)::text AS escalations
       FROM rpt_findings f LEFT JOIN rpt_units u ON u.unit_id = f.unit_id LEFT JOIN rm_officials o ON o.id = u.head_official_id
      WHERE ${period('f.recorded_at', 1)} AND ($3::text IS NULL OR f.unit_id = $3)`, [...params(filter), now]);
  const units = new Map<string, typeof rows>();
  for (const row of rows) units.set(row.unit_id, [...(units.get(row.unit_id) ?? []), row]);
  const out = [...units.entries()].map(([unitId, findings]) => {
    const first = findings[0];
    const active = findings.filter((f) => f.status !== 'withdrawn');
    const overdue = findings.filter((f) => f.overdue_now).length;
    const everOverdue = active.filter((f) => f.overdue_now || f.was_overdue).length;
    const days = findings.filter((f) => f.status === 'closed' && f.closed_at)
      .map((f) => workingDays(vietnamDate(f.recorded_at), vietnamDate(f.closed_at as Date)));
    return {
      unitId, unitName: first.name, unitKind: first.kind, headOfficialId: first.head_official_id, headName: first.head_name,
      findings: findings.length, open: findings.filter((f) => f.status === 'open').length, overdue,
      closed: findings.filter((f) => f.status === 'closed').length,
      overdueRate: active.length === 0 ? 0 : Math.round((everOverdue / active.length) * 1000) / 1000,
      medianWorkingDaysToClose: median(days), p90WorkingDaysToClose: percentile(days, 90),
      escalations: findings.reduce((n, f) => n + Number(f.escalations), 0),
    };
  }).sort((a, b) => b.overdueRate - a.overdueRate || b.escalations - a.escalations || String(a.unitName).localeCompare(String(b.unitName)));
  return { report: 'unit-scorecard', filter: echo(filter), summary: { units: out.length }, rows: out };
}

/** RFC 4180 CSV of a report's rows (header from the first row's keys). */
export function toCsv(rows: readonly ReportRow[] | readonly Record<string, unknown>[], header?: readonly string[]): string {
  const columns = header ?? (rows[0] ? Object.keys(rows[0]) : []);
  const cell = (value: unknown) => {
    const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(','), ...rows.map((row) => columns.map((c) => cell((row as Record<string, unknown>)[c])).join(','))].join('\r\n') + '\r\n';
}
