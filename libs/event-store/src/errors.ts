export class ConcurrencyError extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'any',
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${actualVersion}, expected ${expectedVersion}`);
    this.name = 'ConcurrencyError';
  }
}

/** An event id already stored elsewhere (another stream or position): not a retry. */
export class DuplicateEventIdError extends Error {
  readonly code = 'EVENT_STORE.DUPLICATE_EVENT_ID';
  constructor(readonly eventId: string) {
    super(`Event id ${eventId} is already stored in another stream or position`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The same idempotency key arrived with a different request. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used with a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** A command with this key is being recorded concurrently; the caller retries the lookup. */
export class CommandKeyTakenError extends Error {
  readonly code = 'IDEMPOTENCY.IN_FLIGHT';
  constructor(readonly key: string) {
    super(`A command with Idempotency-Key ${key} was recorded concurrently`);
    this.name = 'CommandKeyTakenError';
  }
}
