/** Report read models (rebuildable; owned by ReportProjector). */
export const REPORT_TABLES = ['rpt_units', 'rpt_inspections', 'rpt_findings', 'rpt_escalations', 'rpt_discipline'] as const;

export const REPORT_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS rpt_units (
  unit_id text PRIMARY KEY, name text NOT NULL, kind text NOT NULL, head_official_id text
);
CREATE TABLE IF NOT EXISTS rpt_inspections (
  inspection_id text PRIMARY KEY, kind text NOT NULL, unit_id text NOT NULL, team_id text,
  started_at timestamptz NOT NULL, status text NOT NULL
);
CREATE INDEX IF NOT EXISTS rpt_inspections_started ON rpt_inspections (started_at);
CREATE TABLE IF NOT EXISTS rpt_findings (
  finding_id text PRIMARY KEY, inspection_id text, unit_id text NOT NULL, category text NOT NULL,
  severity text NOT NULL, status text NOT NULL, recorded_at timestamptz NOT NULL, closed_at timestamptz,
  due_at timestamptz, overdue boolean NOT NULL DEFAULT false, escalation_level integer NOT NULL DEFAULT 0,
  was_overdue boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS rpt_findings_unit ON rpt_findings (unit_id, recorded_at);
CREATE TABLE IF NOT EXISTS rpt_escalations (
  event_id uuid PRIMARY KEY, finding_id text NOT NULL, unit_id text, level integer NOT NULL, occurred_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS rpt_discipline (
  event_id uuid PRIMARY KEY, stream_id text NOT NULL, type text NOT NULL, stage text NOT NULL, form text NOT NULL,
  official_id text, unit_id text, occurred_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS rpt_discipline_stream ON rpt_discipline (stream_id);
`;
