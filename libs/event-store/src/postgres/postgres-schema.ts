import type { Pool } from 'pg';

/** The store's own schema: its tables never meet the read models' (which live in `public`). */
export const SCHEMA = 'event_store';

/** The channel every commit of new events is announced on (payload: the new head position). */
export const COMMIT_CHANNEL = 'ruamjai_event_store_commits';

// Taken while the schema is created, so that an API and a worker starting together do not race
// on CREATE … IF NOT EXISTS (which is not safe against a concurrent twin).
const SCHEMA_LOCK = 7_243_019_552_118_040_001n;

/** streams.state values, as in the embedded store. */
export const STREAM_LIVE = 0;
export const STREAM_SOFT_DELETED = 1;
export const STREAM_TOMBSTONED = 2;

/**
 * Tables and write functions, created idempotently on connect.
 *
 * Why one counter row, locked first by every write: global positions must be gap-free and in
 * commit order, so that a subscriber that has read position N never later finds a new event below
 * N. A sequence (or bigserial) cannot give that: its values are handed out at insert time, so two
 * concurrent transactions can commit in the other order (a reader sees 8 before 7 exists) and a
 * rolled-back one leaves a hole. Here every write first takes `head` FOR UPDATE, so writers run
 * one at a time, each reads the stream's state after the previous writer committed (READ
 * COMMITTED: every statement of these volatile functions takes a fresh snapshot), positions come
 * from the counter, and the row lock is released only when the commit is visible. Commit order is
 * position order; a refused append leaves the counter where it was.
 *
 * The checks and inserts are one PL/pgSQL call, so the lock is held for one round trip and the
 * commit, not for a conversation between this process and the server.
 */
export const SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS ${SCHEMA};

CREATE TABLE IF NOT EXISTS ${SCHEMA}.events (
  position  bigint      PRIMARY KEY,
  stream_id text        NOT NULL,
  revision  bigint      NOT NULL,
  event_id  text        NOT NULL,
  type      text        NOT NULL,
  -- json, not jsonb: the text is kept exactly as written (and \\u0000 is allowed).
  data      json        NOT NULL,
  metadata  json        NOT NULL,
  created   timestamptz NOT NULL,
  CONSTRAINT events_by_stream UNIQUE (stream_id, revision),
  -- Deduplication by event id is per stream, and durable.
  CONSTRAINT events_by_stream_event_id UNIQUE (stream_id, event_id)
);

CREATE TABLE IF NOT EXISTS ${SCHEMA}.streams (
  stream_id         text     PRIMARY KEY,
  last_revision     bigint   NOT NULL DEFAULT -1,
  state             smallint NOT NULL DEFAULT ${STREAM_LIVE},
  metadata          jsonb,
  metadata_revision bigint
);

-- One row: the position of the newest event (0 while the log is empty), and the writers' lock.
CREATE TABLE IF NOT EXISTS ${SCHEMA}.head (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  position bigint  NOT NULL
);
INSERT INTO ${SCHEMA}.head (only_row, position) VALUES (true, 0) ON CONFLICT DO NOTHING;

-- KurrentDB's expected-state rules (shared/EVENT-STORE-SEMANTICS.md). expected: any, no_stream,
-- stream_exists, or a revision in decimal.
CREATE OR REPLACE FUNCTION ${SCHEMA}.expected_holds(expected text, last bigint, live boolean, has_metadata boolean)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE expected
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN last < 0
    WHEN 'stream_exists' THEN live AND (last >= 0 OR has_metadata)
    ELSE last >= 0 AND expected::numeric = last
  END
$$;

-- A retry (its first id is stored at first_revision) is consistent with what it expects.
CREATE OR REPLACE FUNCTION ${SCHEMA}.retry_consistent(expected text, first_revision bigint)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE expected
    WHEN 'any' THEN true
    WHEN 'stream_exists' THEN true
    WHEN 'no_stream' THEN first_revision = 0
    ELSE expected::numeric = first_revision - 1
  END
$$;

-- outcome: ok, wrong_expected_version (with actual: the last revision, -1 for no stream) or
-- stream_deleted. A refusal returns before anything is written; a failing insert aborts the whole
-- statement: all of an append or nothing.
CREATE OR REPLACE FUNCTION ${SCHEMA}.append(
  p_stream text, p_expected text, p_ids text[], p_types text[], p_data text[], p_metadata text[]
) RETURNS TABLE (outcome text, next_revision bigint, last_position bigint, actual bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_head bigint;
  v_stream ${SCHEMA}.streams%ROWTYPE;
  v_exists boolean;
  v_last bigint;
  v_first bigint;
  v_count integer := coalesce(cardinality(p_ids), 0);
  v_matched integer;
  v_position bigint;
BEGIN
  SELECT h.position INTO v_head FROM ${SCHEMA}.head h FOR UPDATE;
  SELECT * INTO v_stream FROM ${SCHEMA}.streams s WHERE s.stream_id = p_stream;
  v_exists := FOUND;
  IF v_exists AND v_stream.state = ${STREAM_TOMBSTONED} THEN
    RETURN QUERY SELECT 'stream_deleted'::text, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  v_last := CASE WHEN v_exists THEN v_stream.last_revision ELSE -1 END;
  IF v_count > 0 THEN
    SELECT e.revision INTO v_first FROM ${SCHEMA}.events e WHERE e.stream_id = p_stream AND e.event_id = p_ids[1];
    IF FOUND THEN
      IF ${SCHEMA}.retry_consistent(p_expected, v_first) THEN
        SELECT count(*), max(e.position) INTO v_matched, v_position
          FROM unnest(p_ids) WITH ORDINALITY AS i(id, k)
          JOIN ${SCHEMA}.events e ON e.stream_id = p_stream AND e.revision = v_first + i.k - 1 AND e.event_id = i.id;
        IF v_matched = v_count THEN
          RETURN QUERY SELECT 'ok'::text, v_first + v_count - 1, v_position, NULL::bigint;
          RETURN;
        END IF;
      END IF;
      RETURN QUERY SELECT 'wrong_expected_version'::text, NULL::bigint, NULL::bigint, v_last;
      RETURN;
    END IF;
  END IF;
  IF NOT ${SCHEMA}.expected_holds(
    p_expected, v_last, v_exists AND v_stream.state <> ${STREAM_SOFT_DELETED}, v_exists AND v_stream.metadata_revision IS NOT NULL
  ) THEN
    RETURN QUERY SELECT 'wrong_expected_version'::text, NULL::bigint, NULL::bigint, v_last;
    RETURN;
  END IF;
  IF v_count = 0 THEN
    RETURN QUERY SELECT 'ok'::text, v_last, nullif(v_head, 0), NULL::bigint;
    RETURN;
  END IF;
  INSERT INTO ${SCHEMA}.events (position, stream_id, revision, event_id, type, data, metadata, created)
    SELECT v_head + u.k, p_stream, v_last + u.k, u.id, u.type, u.data::json, u.metadata::json, now()
      FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(id, type, data, metadata, k);
  UPDATE ${SCHEMA}.head SET position = v_head + v_count;
  INSERT INTO ${SCHEMA}.streams (stream_id, last_revision, state) VALUES (p_stream, v_last + v_count, ${STREAM_LIVE})
    ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision, state = ${STREAM_LIVE};
  -- Delivered to listeners only when this transaction commits.
  PERFORM pg_notify('${COMMIT_CHANNEL}', (v_head + v_count)::text);
  RETURN QUERY SELECT 'ok'::text, v_last + v_count, v_head + v_count, NULL::bigint;
END
$$;

-- Soft delete (the stream reads as not found; truncate-before hides what it had) or tombstone.
CREATE OR REPLACE FUNCTION ${SCHEMA}.delete_stream(p_stream text, p_expected text, p_tombstone boolean)
RETURNS TABLE (outcome text, next_revision bigint, last_position bigint, actual bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_head bigint;
  v_stream ${SCHEMA}.streams%ROWTYPE;
  v_exists boolean;
  v_last bigint;
BEGIN
  SELECT h.position INTO v_head FROM ${SCHEMA}.head h FOR UPDATE;
  SELECT * INTO v_stream FROM ${SCHEMA}.streams s WHERE s.stream_id = p_stream;
  v_exists := FOUND;
  IF v_exists AND v_stream.state = ${STREAM_TOMBSTONED} THEN
    RETURN QUERY SELECT 'stream_deleted'::text, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  v_last := CASE WHEN v_exists THEN v_stream.last_revision ELSE -1 END;
  -- A stream never written cannot be soft-deleted, whatever the expected state (KurrentDB since 21.10).
  IF (NOT v_exists AND NOT p_tombstone) OR NOT ${SCHEMA}.expected_holds(
    p_expected, v_last, v_exists AND v_stream.state <> ${STREAM_SOFT_DELETED}, v_exists AND v_stream.metadata_revision IS NOT NULL
  ) THEN
    RETURN QUERY SELECT 'wrong_expected_version'::text, NULL::bigint, NULL::bigint, v_last;
    RETURN;
  END IF;
  IF p_tombstone THEN
    INSERT INTO ${SCHEMA}.streams (stream_id, last_revision, state) VALUES (p_stream, v_last, ${STREAM_TOMBSTONED})
      ON CONFLICT (stream_id) DO UPDATE SET state = ${STREAM_TOMBSTONED};
  ELSE
    INSERT INTO ${SCHEMA}.streams AS s (stream_id, last_revision, state, metadata, metadata_revision)
      VALUES (p_stream, v_last, ${STREAM_SOFT_DELETED}, jsonb_build_object('truncateBefore', (v_last + 1)::text), 0)
      ON CONFLICT (stream_id) DO UPDATE SET
        state = ${STREAM_SOFT_DELETED},
        metadata = coalesce(s.metadata, '{}'::jsonb) || jsonb_build_object('truncateBefore', (v_last + 1)::text),
        metadata_revision = coalesce(s.metadata_revision, -1) + 1;
  END IF;
  RETURN QUERY SELECT 'ok'::text, v_last, nullif(v_head, 0), NULL::bigint;
END
$$;

-- Expected state here is the metadata stream's ($$stream) revision, as in KurrentDB.
CREATE OR REPLACE FUNCTION ${SCHEMA}.set_metadata(p_stream text, p_metadata jsonb, p_expected text)
RETURNS TABLE (outcome text, next_revision bigint, last_position bigint, actual bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_head bigint;
  v_stream ${SCHEMA}.streams%ROWTYPE;
  v_exists boolean;
  v_meta bigint;
BEGIN
  SELECT h.position INTO v_head FROM ${SCHEMA}.head h FOR UPDATE;
  SELECT * INTO v_stream FROM ${SCHEMA}.streams s WHERE s.stream_id = p_stream;
  v_exists := FOUND;
  IF v_exists AND v_stream.state = ${STREAM_TOMBSTONED} THEN
    RETURN QUERY SELECT 'stream_deleted'::text, NULL::bigint, NULL::bigint, NULL::bigint;
    RETURN;
  END IF;
  v_meta := CASE WHEN v_exists THEN coalesce(v_stream.metadata_revision, -1) ELSE -1 END;
  IF NOT ${SCHEMA}.expected_holds(p_expected, v_meta, v_meta >= 0, false) THEN
    RETURN QUERY SELECT 'wrong_expected_version'::text, NULL::bigint, NULL::bigint, v_meta;
    RETURN;
  END IF;
  INSERT INTO ${SCHEMA}.streams AS s (stream_id, last_revision, state, metadata, metadata_revision)
    VALUES (p_stream, -1, ${STREAM_LIVE}, p_metadata, 0)
    ON CONFLICT (stream_id) DO UPDATE SET metadata = excluded.metadata, metadata_revision = coalesce(s.metadata_revision, -1) + 1;
  RETURN QUERY SELECT 'ok'::text, v_meta + 1, nullif(v_head, 0), NULL::bigint;
END
$$;
`;

/** Creates (or brings up to date) the store's schema; safe to run from several processes at once. */
export async function createSchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK.toString()]);
    await client.query(SCHEMA_SQL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
