import { api, query } from '../api/client';
import { months, nextDay, startOfDay } from './dashboard-periods';

/** GET /reports/<name>: `{report, filter, summary, rows}` (docs/audit.md). */
export interface Report<S = Record<string, unknown>, R = Record<string, unknown>> {
  report: string;
  filter: { from: string | null; to: string | null; unitId: string | null };
  summary: S;
  rows: R[];
}

export interface DashboardFilter {
  /** YYYY-MM-DD, Vietnam civil date, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive (sent as the next day's midnight: reports take [from, to)). */
  to: string;
  unitId: string;
}

export function report<S, R>(name: string, f: { from: string; to: string; unitId: string }): Promise<Report<S, R>> {
  return api<Report<S, R>>(`reports/${name}${query({ from: f.from, to: f.to, unitId: f.unitId })}`);
}

export type StatusSummary = { total: number; open: number; overdue: number; closed: number; withdrawn: number };
export type TimeToCloseRow = { findingId: string; unitId: string; severity: string; recordedOn: string; closedOn: string; workingDays: number };
export type ScorecardRow = {
  unitId: string; unitName: string | null; headName: string | null; findings: number; open: number; overdue: number; closed: number;
  overdueRate: number; medianWorkingDaysToClose: number | null; p90WorkingDaysToClose: number | null; escalations: number;
};

/** Every report of the dashboard for one filter, plus monthly overdue and escalation trends. */
export async function loadDashboard(filter: DashboardFilter) {
  const f = { from: startOfDay(filter.from), to: startOfDay(nextDay(filter.to)), unitId: filter.unitId };
  const [inspections, findings, status, timeToClose, escalations, discipline, scorecard] = await Promise.all([
    report<{ inspections: number; units: number }, { dimension: string; value: string; inspections: number; units: number }>('inspections', f),
    report<{ findings: number }, { category: string; severity: string; findings: number }>('findings', f),
    report<StatusSummary, { status: string; findings: number }>('finding-status', f),
    report<{ closed: number; medianWorkingDays: number | null; p90WorkingDays: number | null; calendar: string }, TimeToCloseRow>('time-to-close', f),
    report<{ escalations: number }, { level: number; escalations: number }>('escalations', f),
    report<{ referrals: number; cases: number; decisions: number }, { stage: string; form: string; count: number }>('discipline', f),
    report<{ units: number }, ScorecardRow>('unit-scorecard', f),
  ]);
  const periods = months(filter.from, filter.to);
  const trend = await Promise.all(
    periods.map(async (p) => {
      const m = { from: p.from, to: p.to, unitId: filter.unitId };
      const [s, e] = await Promise.all([report<StatusSummary, unknown>('finding-status', m), report<{ escalations: number }, unknown>('escalations', m)]);
      return { label: p.label, overdue: s.summary.overdue, escalations: e.summary.escalations };
    }),
  );
  return { inspections, findings, status, timeToClose, escalations, discipline, scorecard, trend };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
