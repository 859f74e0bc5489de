/**
 * rectify_append_batch(batch jsonb): several appends, to distinct streams, in ONE statement and
 * therefore one transaction and one commit (group commit). Called in autocommit: if anything
 * raises, nothing of the batch is written. appendManyInTransaction calls it inside a caller's
 * transaction instead (several process streams in one statement; the caller rolls back on any
 * outcome but 'appended'/'stored').
 *
 * batch: [{ s: stream id, x: expected version (null = any), at: recordedAt, c: command record
 *   { k, h, r } or null, i: [event ids], e: [canonical JSON of each event up to and including
 *   `"version":`] }],
 * sorted by stream id by the caller, each stream, event id and command key at most once.
 *
 * Per append, exactly as appendInTransaction decides it:
 * - its stream head is row-locked (in stream id order: batches never deadlock each other);
 * - 'stored': some of its event ids are already stored (after the lock, so a concurrent
 *   identical append has committed or not started): the stored rows are returned, the caller
 *   decides retry or DuplicateEventIdError; nothing is written for it;
 * - 'conflict': the head is not at the expected version; nothing is written for it;
 * - 'key-taken': its command key is already recorded; nothing is written for it;
 * - 'appended': the command record, then the events with hash = sha256(prev_hash || canonical)
 *   chained from the locked head (canonical = e[i] || version || '}': `version` is the last key
 *   of the canonical JSON), and the new head. Every stored column is read from that canonical
 *   text, so a row always holds exactly what its hash covers.
 * One append's outcome never changes another's: they touch distinct streams and keys.
 */
export const APPEND_BATCH_FUNCTION_SQL = `
CREATE OR REPLACE FUNCTION rectify_append_batch(batch jsonb)
RETURNS TABLE (r_append integer, r_outcome text, r_stream_version integer,
               r_global_position text, r_transaction_id text, r_event_id text, r_stream_id text,
               r_version integer, r_type text, r_schema_version integer, r_data jsonb, r_metadata jsonb,
               r_occurred_at timestamptz, r_recorded_at timestamptz, r_prev_hash text, r_hash text)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  n integer := jsonb_array_length(batch);
  heads_version integer[];
  heads_hash bytea[];
  stored integer[];
  taken text[];
  a jsonb;
  ev text;
  v integer;
  prev bytea;
  h bytea;
  ins_append integer[] := '{}';
  ins_text text[] := '{}';
  ins_version integer[] := '{}';
  ins_prev bytea[] := '{}';
  ins_hash bytea[] := '{}';
  head_stream text[] := '{}';
  head_version integer[] := '{}';
  head_hash bytea[] := '{}';
BEGIN
  -- 1. Lock every head, in the caller's (stream id) order.
  WITH locked AS (
    INSERT INTO streams (stream_id, version, last_hash)
    SELECT b.value->>'s', 0, decode(repeat('0', 64), 'hex')
      FROM jsonb_array_elements(batch) WITH ORDINALITY AS b(value, ord) ORDER BY b.ord
    ON CONFLICT (stream_id) DO UPDATE SET version = streams.version
    RETURNING streams.stream_id, streams.version, streams.last_hash
  )
  SELECT array_agg(l.version ORDER BY b.ord), array_agg(l.last_hash ORDER BY b.ord)
    INTO heads_version, heads_hash
    FROM jsonb_array_elements(batch) WITH ORDINALITY AS b(value, ord)
    JOIN locked l ON l.stream_id = b.value->>'s';

  -- 2. Event ids already stored (a fresh snapshot: taken after the locks).
  SELECT coalesce(array_agg(b.append::integer), '{}') INTO stored
    FROM jsonb_array_elements(batch) WITH ORDINALITY AS b(value, append)
   WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(b.value->'i') AS e(id)
                  JOIN events s ON s.event_id = e.id::uuid);
  IF cardinality(stored) > 0 THEN
    RETURN QUERY
      SELECT b.append::integer, 'stored', heads_version[b.append],
             s.global_position::text, s.transaction_id::text, s.event_id::text, s.stream_id, s.version, s.type,
             s.schema_version, s.data, s.metadata, s.occurred_at, s.recorded_at,
             encode(s.prev_hash, 'hex'), encode(s.hash, 'hex')
        FROM jsonb_array_elements(batch) WITH ORDINALITY AS b(value, append)
        CROSS JOIN LATERAL jsonb_array_elements_text(b.value->'i') AS e(id)
        JOIN events s ON s.event_id = e.id::uuid
       WHERE b.append::integer = ANY(stored);
  END IF;

  -- 3. Expected versions.
  FOR i IN 1 .. n LOOP
    a := batch->(i - 1);
    IF NOT i = ANY(stored) AND a->>'x' IS NOT NULL AND (a->>'x')::integer <> heads_version[i] THEN
      stored := stored || i;
      r_append := i; r_outcome := 'conflict'; r_stream_version := heads_version[i];
      RETURN NEXT;
    END IF;
  END LOOP;

  -- 4. Command records of the remaining appends; a key already taken excludes its append.
  WITH candidates AS (
    SELECT b.value->'c' AS c, (b.value->>'at')::timestamptz AS at
      FROM jsonb_array_elements(batch) WITH ORDINALITY AS b(value, append)
     WHERE NOT b.append::integer = ANY(stored) AND jsonb_typeof(b.value->'c') = 'object'
  ), inserted AS (
    INSERT INTO commands (key, request_hash, response, recorded_at)
    SELECT c->>'k', c->>'h', c->'r', at FROM candidates
    ON CONFLICT (key) DO NOTHING
    RETURNING key
  )
  SELECT coalesce(array_agg(t.key), '{}') INTO taken
    FROM (SELECT c->>'k' AS key FROM candidates EXCEPT SELECT key FROM inserted) t;

  -- 5. Hash chains from the locked heads.
  FOR i IN 1 .. n LOOP
    a := batch->(i - 1);
    CONTINUE WHEN i = ANY(stored);
    IF jsonb_typeof(a->'c') = 'object' AND (a->'c'->>'k') = ANY(taken) THEN
      r_append := i; r_outcome := 'key-taken'; r_stream_version := heads_version[i];
      RETURN NEXT;
      CONTINUE;
    END IF;
    v := heads_version[i];
    prev := heads_hash[i];
    FOR ev IN SELECT value FROM jsonb_array_elements_text(a->'e') LOOP
      v := v + 1;
      ev := ev || v::text || '}';
      h := sha256(prev || convert_to(ev, 'UTF8'));
      ins_append := ins_append || i; ins_text := ins_text || ev; ins_version := ins_version || v;
      ins_prev := ins_prev || prev; ins_hash := ins_hash || h;
      prev := h;
    END LOOP;
    head_stream := head_stream || (a->>'s'); head_version := head_version || v; head_hash := head_hash || prev;
  END LOOP;

  -- 6. One insert for every event of the batch, one update for every head.
  RETURN QUERY
    WITH batch_rows AS (
      SELECT u.append, u.canonical::jsonb AS event, u.version, u.prev, u.hash, u.ord
        FROM unnest(ins_append, ins_text, ins_version, ins_prev, ins_hash) WITH ORDINALITY
             AS u(append, canonical, version, prev, hash, ord)
    ), inserted AS (
      INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata,
                          occurred_at, recorded_at, prev_hash, hash)
      SELECT (r.event->>'id')::uuid, r.event->>'streamId', r.version, r.event->>'type',
             (r.event->>'schemaVersion')::integer, r.event->'data', r.event->'metadata',
             (r.event->>'occurredAt')::timestamptz, (r.event->>'recordedAt')::timestamptz, r.prev, r.hash
        FROM batch_rows r ORDER BY r.ord
      RETURNING events.global_position, events.transaction_id, events.event_id, events.stream_id, events.version
    )
    SELECT r.append, 'appended', NULL::integer, i.global_position::text, i.transaction_id::text,
           i.event_id::text, i.stream_id, i.version, NULL::text, NULL::integer, NULL::jsonb, NULL::jsonb,
           NULL::timestamptz, NULL::timestamptz, encode(r.prev, 'hex'), encode(r.hash, 'hex')
      FROM inserted i JOIN batch_rows r ON (r.event->>'id')::uuid = i.event_id
     ORDER BY r.ord;
  UPDATE streams SET version = h2.version, last_hash = h2.hash
    FROM unnest(head_stream, head_version, head_hash) AS h2(stream_id, version, hash)
   WHERE streams.stream_id = h2.stream_id;
END
$fn$;
`;
