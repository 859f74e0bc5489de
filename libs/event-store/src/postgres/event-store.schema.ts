import { APPEND_BATCH_FUNCTION_SQL } from './append-batch.sql';

/** NOTIFY channel the events table signals on each committed insert statement. */
export const EVENTS_NOTIFY_CHANNEL = 'rectify_events';

/**
 * The PostgreSQL schema of the event store. Every statement is idempotent
 * (IF NOT EXISTS / OR REPLACE), so migratePostgresEventStore can run on every boot.
 */
export const EVENT_STORE_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid        NOT NULL,
  stream_id       text        NOT NULL,
  version         integer     NOT NULL CHECK (version >= 1),
  type            text        NOT NULL,
  schema_version  integer     NOT NULL DEFAULT 1,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL,
  prev_hash       bytea       NOT NULL CHECK (length(prev_hash) = 32),
  hash            bytea       NOT NULL CHECK (length(hash) = 32),
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_id_version_key UNIQUE (stream_id, version)
);
CREATE INDEX IF NOT EXISTS events_log_order_idx ON events (transaction_id, global_position);
CREATE INDEX IF NOT EXISTS events_stream_as_of_idx ON events (stream_id, recorded_at);
-- Rules look up the cases already opened for an official (discipline: grounds used once).
-- Partial: only CaseOpened rows enter it, so an ordinary append pays one predicate check.
CREATE INDEX IF NOT EXISTS events_case_opened_subject_idx ON events ((data->'subject'->>'officialId')) WHERE type = 'CaseOpened';

CREATE TABLE IF NOT EXISTS streams (
  stream_id text    PRIMARY KEY,
  version   integer NOT NULL,
  last_hash bytea   NOT NULL
);

CREATE TABLE IF NOT EXISTS commands (
  key          text        PRIMARY KEY,
  request_hash text        NOT NULL,
  response     jsonb,
  recorded_at  timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS subscription_checkpoints (
  name            text        PRIMARY KEY,
  commit          xid8        NOT NULL DEFAULT '0',
  prepare         bigint      NOT NULL DEFAULT 0,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  error_commit    xid8,
  error_prepare   bigint,
  failed_attempts integer     NOT NULL DEFAULT 0
);

CREATE OR REPLACE FUNCTION rectify_refuse_mutation() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% are immutable: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$fn$;

CREATE OR REPLACE TRIGGER events_immutable_rows BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION rectify_refuse_mutation();
CREATE OR REPLACE TRIGGER events_immutable_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_refuse_mutation();
CREATE OR REPLACE TRIGGER commands_immutable_rows BEFORE UPDATE OR DELETE ON commands
  FOR EACH ROW EXECUTE FUNCTION rectify_refuse_mutation();
CREATE OR REPLACE TRIGGER commands_immutable_truncate BEFORE TRUNCATE ON commands
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_refuse_mutation();

CREATE OR REPLACE FUNCTION rectify_notify_events() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('${EVENTS_NOTIFY_CHANNEL}', '');
  RETURN NULL;
END
$fn$;

CREATE OR REPLACE TRIGGER events_notify AFTER INSERT ON events
  FOR EACH STATEMENT EXECUTE FUNCTION rectify_notify_events();
${APPEND_BATCH_FUNCTION_SQL}`;
