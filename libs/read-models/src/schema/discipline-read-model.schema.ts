const common = `id text PRIMARY KEY, version integer NOT NULL, state jsonb NOT NULL,
  created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL`;

/** Read models of the discipline module: disciplinary cases and evaluation records. */
export const DISCIPLINE_READ_MODEL_STATEMENTS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS rm_cases (${common}, status text, subject_official_id text, subject_unit_id text, origin_kind text)`,
  `CREATE INDEX IF NOT EXISTS rm_cases_subject ON rm_cases (subject_official_id, status)`,
  `CREATE INDEX IF NOT EXISTS rm_cases_unit ON rm_cases (subject_unit_id, status)`,
  `CREATE TABLE IF NOT EXISTS rm_evaluations (${common})`,
];
