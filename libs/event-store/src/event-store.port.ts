/**
 * The event store port. Adapters: PostgreSQL (default) and, later, KurrentDB.
 * Both must pass the one contract suite in ./contract/event-store.contract.ts.
 *
 * Invariants every adapter keeps:
 * - one stream per aggregate; versions start at 1, a stream that does not exist has version 0;
 * - append is atomic, checks the expected version (ConcurrencyError on mismatch) and is
 *   idempotent by event id: re-appending events whose ids are already stored, in the same
 *   stream and order, returns the original result and writes nothing;
 * - each event's hash = sha256(prevHash || canonical(event)) chains the stream;
 * - stored events are never updated or deleted;
 * - readAll/subscriptions deliver every committed event exactly once, in log order, never
 *   skipping one committed late by a slow transaction (gap-free).
 */

export const EVENT_STORE = Symbol('EVENT_STORE');

export interface EventMetadata {
  actorId: string;
  role: string;
  unitId?: string | null;
  commandId: string;
  correlationId: string;
  causationId?: string | null;
  reason?: string | null;
}

export interface NewEvent {
  /** Unique event id (uuid). Deterministic ids make retries idempotent. */
  id: string;
  type: string;
  /** Defaults to 1. */
  schemaVersion?: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  /** Domain time: when it happened in the world, as stated by the command. */
  occurredAt: Date;
}

/**
 * A position in the global log. On PostgreSQL `commit` is the appending transaction's id
 * (xid8) and `prepare` the row's sequence number; log order is (commit, prepare).
 * On KurrentDB they are its commit and prepare positions. Compare with compareLogPositions.
 */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

export const LOG_START: LogPosition = Object.freeze({ commit: 0n, prepare: 0n });

export interface RecordedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  /** 1-based position within the stream. */
  version: number;
  /** Unique, increasing with insertion; not the delivery order (see logPosition). */
  globalPosition: bigint;
  logPosition: LogPosition;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurredAt: Date;
  /** Store time: when the store accepted it. */
  recordedAt: Date;
  /** Hex sha256 of the previous event in the stream (64 zeros for the first). */
  prevHash: string;
  /** Hex sha256(prevHash || canonical(event)). */
  hash: string;
}

/** Number: the stream must be at exactly this version (0 = must not exist). */
export type ExpectedVersion = number | 'any';

export interface AppendResult {
  streamId: string;
  /** Version of the stream after the append. */
  nextExpectedVersion: number;
  events: RecordedEvent[];
  /** True when every event was already stored (an idempotent retry): nothing was written. */
  duplicate: boolean;
}

/**
 * Command idempotency: recorded in the same transaction as the append where the adapter can,
 * so that a retry with the same key returns the first response and writes nothing.
 */
export interface CommandRecordInput {
  key: string;
  /** sha256 of the canonical request (command type, target, body). */
  requestHash: string;
  /** Builds the response to store from the append's result. */
  response: (result: AppendResult) => unknown;
}

export interface CommandRecord {
  key: string;
  requestHash: string;
  response: unknown;
  recordedAt: Date;
}

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  command?: CommandRecordInput;
}

export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
  /** Only events recorded at or before this instant (time travel). */
  asOf?: Date;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. */
  after?: LogPosition;
  limit?: number;
  /** Only these event types. */
  types?: readonly string[];
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Current version of a stream; 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** Committed events in log order, gap-free (see class comment). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the newest event a reader can see now (LOG_START when empty). */
  headPosition(): Promise<LogPosition>;
  findCommand(key: string): Promise<CommandRecord | null>;
  /** Record a command's response outside an append (e.g. a command that wrote no event). */
  recordCommand(key: string, requestHash: string, response: unknown): Promise<CommandRecord>;
}
