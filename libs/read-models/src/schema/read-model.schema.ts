import type { Pool } from 'pg';
import { applySchemaOnce } from '@rectify/event-store';
import { DISCIPLINE_READ_MODEL_STATEMENTS } from './discipline-read-model.schema';
import { FINDING_WORKFLOW_STATEMENTS } from '../views/finding-view.definition';
import { ensureViewIndexes, type ViewIndexStatements } from '../projection/view-indexes';

/** Every aggregate view shares these columns: id, version, the folded state and its times. */
const common = `id text PRIMARY KEY, version integer NOT NULL, state jsonb NOT NULL,
  created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL`;

const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS rm_findings (${common}, inspection_id text, unit_id text, category text,
     severity text, status text, title text, observed_at timestamptz)`,
  `CREATE INDEX IF NOT EXISTS rm_findings_unit_status ON rm_findings (unit_id, status, severity)`,
  `CREATE INDEX IF NOT EXISTS rm_findings_inspection ON rm_findings (inspection_id)`,
  `CREATE INDEX IF NOT EXISTS rm_findings_created ON rm_findings (created_at DESC, id)`,
  // An official's findings (`state->'responsibleOfficialIds' ? id`: discipline rules, inbox): without it, a scan of every finding per recorded finding.
  `CREATE INDEX IF NOT EXISTS rm_findings_responsible ON rm_findings USING gin ((state->'responsibleOfficialIds'))`,
  `CREATE TABLE IF NOT EXISTS rm_inspections (${common}, kind text, unit_id text, team_id text,
     status text, started_at timestamptz)`,
  `CREATE TABLE IF NOT EXISTS rm_units (${common}, name text, kind text, parent_unit_id text, head_official_id text)`,
  `CREATE INDEX IF NOT EXISTS rm_inspections_unit ON rm_inspections (unit_id, status)`,
  `CREATE INDEX IF NOT EXISTS rm_inspections_team ON rm_inspections (team_id, status)`,
  `CREATE INDEX IF NOT EXISTS rm_units_head ON rm_units (head_official_id)`,
  `CREATE INDEX IF NOT EXISTS rm_units_kind_parent ON rm_units (kind, parent_unit_id)`,
  `CREATE TABLE IF NOT EXISTS rm_officials (${common}, full_name text, unit_id text)`,
  `CREATE INDEX IF NOT EXISTS rm_officials_unit ON rm_officials (unit_id)`,
  ...DISCIPLINE_READ_MODEL_STATEMENTS,
  ...FINDING_WORKFLOW_STATEMENTS,
];

/** The table's secondary indexes, as created above: what a full rebuild drops and builds again. */
export function readModelIndexes(table: string): ViewIndexStatements {
  const on = new RegExp(`^CREATE INDEX IF NOT EXISTS \\w+ ON ${table}[ (]`);
  return STATEMENTS.filter((s) => on.test(s));
}

const INDEXED_TABLES = ['rm_findings', 'rm_inspections', 'rm_units', 'rm_officials', 'rm_cases', 'rm_finding_workflow'];

/**
 * Creates the read-model tables (once per schema version; safe when several engines boot at
 * once), then builds any secondary index a crashed rebuild left dropped.
 */
export async function migrateReadModels(pool: Pool): Promise<void> {
  await applySchemaOnce(pool, 'read-models', STATEMENTS);
  for (const table of INDEXED_TABLES) await ensureViewIndexes(pool, table, readModelIndexes(table));
}
