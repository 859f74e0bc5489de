import type { Pool } from 'pg';
import { applySchemaOnce } from '@rectify/event-store';
import { ensureSubjectIndexKey } from './history/subject-index.projector';
import { REPORT_SCHEMA_SQL } from './reports/report.schema';

/**
 * Append-only audit tables. Rows are never updated or deleted: the triggers refuse it for
 * every role, the owner included (only a superuser who disables triggers can, and the
 * verifier then shows it).
 * - audit_chain: the witness ledger, one row per event in log order (transaction_id,
 *   global_position) with the running global chain hash;
 * - audit_checkpoints: signed snapshots of the chain (event count, position, chain hash);
 * - audit_signing_keys: every public key that ever signed a checkpoint (rotation);
 * - audit_access_log: refused authorizations and reads of people's histories.
 */
const IMMUTABLE_TABLES = ['audit_chain', 'audit_checkpoints', 'audit_signing_keys', 'audit_access_log'];

export const AUDIT_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS audit_chain (
  seq             bigint  PRIMARY KEY CHECK (seq >= 1),
  global_position bigint  NOT NULL UNIQUE,
  transaction_id  xid8    NOT NULL,
  event_id        uuid    NOT NULL,
  stream_id       text    NOT NULL,
  version         integer NOT NULL,
  event_hash      bytea   NOT NULL CHECK (length(event_hash) = 32),
  chain_hash      bytea   NOT NULL CHECK (length(chain_hash) = 32)
);
CREATE INDEX IF NOT EXISTS audit_chain_event_idx ON audit_chain (event_id);
CREATE TABLE IF NOT EXISTS audit_signing_keys (
  key_id        text        PRIMARY KEY,
  public_key    text        NOT NULL,
  first_used_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_checkpoints (
  event_count     bigint      PRIMARY KEY CHECK (event_count >= 1),
  global_position bigint      NOT NULL,
  transaction_id  xid8        NOT NULL,
  chain_hash      bytea       NOT NULL CHECK (length(chain_hash) = 32),
  created_at      timestamptz NOT NULL,
  key_id          text        NOT NULL REFERENCES audit_signing_keys (key_id),
  signature       bytea       NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_access_log (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at           timestamptz NOT NULL,
  action       text        NOT NULL,
  actor_id     text,
  actor_role   text,
  method       text,
  path         text,
  status       integer,
  subject_type text,
  subject_id   text,
  detail       jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS audit_access_log_at_idx ON audit_access_log (at);
CREATE INDEX IF NOT EXISTS audit_access_log_subject_idx ON audit_access_log (subject_type, subject_id);

CREATE OR REPLACE FUNCTION rectify_audit_refuse_mutation() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% are append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$fn$;
${IMMUTABLE_TABLES.map(
  (table) => `
CREATE OR REPLACE TRIGGER ${table}_immutable_rows BEFORE UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION rectify_audit_refuse_mutation();
CREATE OR REPLACE TRIGGER ${table}_immutable_truncate BEFORE TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_audit_refuse_mutation();`,
).join('')}
`;

/**
 * Read models of the audit lib (rebuildable: emptied and replayed by projections:rebuild).
 * audit_subject_events indexes, per official or unit, the events that concern them.
 */
export const AUDIT_READ_MODEL_SQL = `
CREATE TABLE IF NOT EXISTS audit_subject_events (
  subject_type    text   NOT NULL,
  subject_id      text   NOT NULL,
  global_position bigint NOT NULL,
  relation        text   NOT NULL,
  PRIMARY KEY (subject_type, subject_id, global_position)
);
CREATE TABLE IF NOT EXISTS audit_stream_subjects (
  stream_id    text NOT NULL,
  subject_type text NOT NULL,
  subject_id   text NOT NULL,
  PRIMARY KEY (stream_id, subject_type, subject_id)
);
`;

/**
 * Creates the audit tables, the audit read models and the report read models (once per schema
 * version), and puts back the subject index's primary key if a rebuild crashed without it.
 */
export async function migrateAudit(pool: Pool): Promise<void> {
  await applySchemaOnce(pool, 'audit', [AUDIT_SCHEMA_SQL, AUDIT_READ_MODEL_SQL, REPORT_SCHEMA_SQL]);
  await ensureSubjectIndexKey(pool);
}
