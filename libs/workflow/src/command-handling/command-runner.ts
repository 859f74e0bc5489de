import { createHash } from 'node:crypto';
import type { CommandContext, Decider } from '@rectify/domain';
import {
  CommandKeyTakenError,
  ConcurrencyError,
  IdempotencyKeyReusedError,
  canonicalJson,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '@rectify/event-store';
import { deterministicUuid } from './deterministic-id';

type AnyCommand = { type: string; data: unknown; metadata: CommandContext };
type AnyEvent = { type: string; data: unknown };

export interface CommandExecution<C extends AnyCommand, E extends AnyEvent, S, R> {
  streamId: string;
  decider: Decider<C, E, S>;
  /**
   * The domain command, or a builder run only when no stored response answers the key, so
   * cross-aggregate checks (e.g. "the inspection is still open") never block a retry.
   * A builder needs `request`.
   */
  command: C | (() => Promise<C>);
  /**
   * What identifies the request for idempotency, with the actor's id; default: the command's
   * type, data, reason and actor.
   */
  request?: { actorId: string; body: unknown };
  /** The Idempotency-Key: a retry with the same key and request returns the first response. */
  idempotencyKey: string;
  /** From If-Match: the caller's view of the stream version; a mismatch is a ConcurrencyError. */
  expectedVersion?: number;
  correlationId?: string;
  causationId?: string;
  /** The unit the actor acts for, recorded in each event's metadata (may depend on the state). */
  actorUnitId?: string | null | ((state: S) => string | null);
  /** Checks that need the current state but are not domain rules (e.g. unit scoping). */
  authorize?: (state: S) => void | Promise<void>;
  /** The response stored for retries: built from the state after the command. */
  respond: (state: S, outcome: CommandOutcome) => R;
}

export interface CommandOutcome {
  streamId: string;
  version: number;
  /** Events this command appended (empty when it decided nothing). */
  events: readonly RecordedEvent[];
  /** Store time of the stream's first event; null while the stream is empty. */
  createdAt: Date | null;
  /** Store time of the stream's latest event; null while the stream is empty. */
  updatedAt: Date | null;
}

const MAX_ATTEMPTS = 5;

/**
 * Load stream → decide → append with expected version, idempotent by key:
 * - the key's first response is stored with the append (same transaction on PostgreSQL);
 * - the same key with a different request is IdempotencyKeyReusedError;
 * - event ids derive from the key, and events already carrying this command id mean an
 *   earlier attempt was written but not answered: its result is returned, nothing is rewritten;
 * - a concurrent writer makes the command re-decide on fresh state, unless If-Match pinned it.
 */
export class CommandRunner {
  constructor(private readonly store: EventStore) {}

  async execute<C extends AnyCommand, E extends AnyEvent, S, R>(exec: CommandExecution<C, E, S, R>): Promise<R> {
    const requestHash = hashRequest(exec);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.storedResponse<R>(exec.idempotencyKey, requestHash);
      if (stored.found) return stored.response;
      try {
        return await this.attempt(exec, requestHash);
      } catch (error) {
        if (error instanceof CommandKeyTakenError) continue;
        const retryable = error instanceof ConcurrencyError && exec.expectedVersion === undefined;
        if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async attempt<C extends AnyCommand, E extends AnyEvent, S, R>(
    exec: CommandExecution<C, E, S, R>,
    requestHash: string,
  ): Promise<R> {
    const history = await this.store.readStream(exec.streamId);
    const version = history.length === 0 ? 0 : history[history.length - 1].version;
    const alreadyApplied = history.findIndex((e) => e.metadata.commandId === exec.idempotencyKey);
    if (alreadyApplied >= 0) return this.recordLateResponse(exec, history, alreadyApplied, requestHash);

    if (exec.expectedVersion !== undefined && exec.expectedVersion !== version) {
      throw new ConcurrencyError(exec.streamId, exec.expectedVersion, version);
    }
    const state = fold(exec.decider, history);
    await exec.authorize?.(state);
    const command = typeof exec.command === 'function' ? await exec.command() : exec.command;
    const decided = exec.decider.decide(command, state);
    const newState = decided.reduce((s, e) => exec.decider.evolve(s, e), state);
    const unitId = typeof exec.actorUnitId === 'function' ? exec.actorUnitId(state) : exec.actorUnitId;
    const events = decided.map((event, index) => this.toNewEvent(exec, command, event, index, unitId));
    const append = (result: AppendResult): R =>
      exec.respond(newState, outcome(exec.streamId, [...history, ...result.events], result.events));

    if (events.length === 0) {
      const response = exec.respond(newState, outcome(exec.streamId, history, []));
      await this.store.recordCommand(exec.idempotencyKey, requestHash, response);
      return response;
    }
    const result = await this.store.append(exec.streamId, events, {
      expectedVersion: version,
      command: { key: exec.idempotencyKey, requestHash, response: append },
    });
    return append(result);
  }

  /** An earlier attempt appended but its response was not recorded (non-transactional store). */
  private async recordLateResponse<C extends AnyCommand, E extends AnyEvent, S, R>(
    exec: CommandExecution<C, E, S, R>,
    history: readonly RecordedEvent[],
    firstIndex: number,
    requestHash: string,
  ): Promise<R> {
    let last = firstIndex;
    while (last + 1 < history.length && history[last + 1].metadata.commandId === exec.idempotencyKey) last++;
    const upTo = history.slice(0, last + 1);
    const response = exec.respond(fold(exec.decider, upTo), outcome(exec.streamId, upTo, upTo.slice(firstIndex)));
    const record = await this.store.recordCommand(exec.idempotencyKey, requestHash, response);
    if (record.requestHash !== requestHash) throw new IdempotencyKeyReusedError(exec.idempotencyKey);
    return record.response as R;
  }

  private async storedResponse<R>(key: string, requestHash: string): Promise<{ found: true; response: R } | { found: false }> {
    const record = await this.store.findCommand(key);
    if (!record) return { found: false };
    if (record.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
    return { found: true, response: record.response as R };
  }

  private toNewEvent<C extends AnyCommand, E extends AnyEvent, S, R>(
    exec: CommandExecution<C, E, S, R>,
    command: C,
    event: E,
    index: number,
    actorUnitId: string | null | undefined,
  ): NewEvent {
    const { actor, now, reason } = command.metadata;
    return {
      id: deterministicUuid('event', exec.idempotencyKey, String(index)),
      type: event.type,
      data: event.data as Record<string, unknown>,
      occurredAt: now,
      metadata: {
        actorId: actor.id,
        role: actor.role,
        unitId: actorUnitId ?? actor.unitIds?.[0] ?? null,
        commandId: exec.idempotencyKey,
        correlationId: exec.correlationId ?? exec.idempotencyKey,
        causationId: exec.causationId ?? null,
        reason: reason ?? null,
      },
    };
  }
}

function outcome(streamId: string, stream: readonly RecordedEvent[], appended: readonly RecordedEvent[]): CommandOutcome {
  const last = stream[stream.length - 1];
  return {
    streamId,
    version: last?.version ?? 0,
    events: appended,
    createdAt: stream[0]?.recordedAt ?? null,
    updatedAt: last?.recordedAt ?? null,
  };
}

function fold<C, E extends AnyEvent, S>(decider: Decider<C, E, S>, history: readonly RecordedEvent[]): S {
  return history.reduce(
    (state, e) => decider.evolve(state, { type: e.type, data: e.data } as unknown as E),
    decider.initialState(),
  );
}

/** What makes two requests "the same": target, actor and request (or command) — not the time. */
function hashRequest<C extends AnyCommand>(exec: {
  streamId: string;
  command: C | (() => Promise<C>);
  request?: { actorId: string; body: unknown };
}): string {
  let request = exec.request;
  if (request === undefined) {
    if (typeof exec.command === 'function') throw new TypeError('A lazily built command needs `request` for idempotency');
    const { type, data, metadata } = exec.command;
    request = { actorId: metadata.actor.id, body: { type, data, reason: metadata.reason ?? null } };
  }
  const canonical = canonicalJson({ streamId: exec.streamId, actorId: request.actorId, body: request.body as Record<string, unknown> });
  return createHash('sha256').update(canonical).digest('hex');
}
