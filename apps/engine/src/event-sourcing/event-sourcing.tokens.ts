/** DI token of the ProjectionRunner that keeps the read models up to date. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
/** DI token of the opened event store adapter (EVENT_STORE) with its close(), chosen by EVENTSTORE_URL. */
export const OPENED_EVENT_STORE = Symbol('OPENED_EVENT_STORE');
/**
 * DI token of the LogFollowing (event-store-selection.ts) every checkpointed consumer uses:
 * null on PostgreSQL (each keeps CheckpointedSubscription and NOTIFY), set with KurrentDB.
 */
export const LOG_FOLLOWING = Symbol('LOG_FOLLOWING');
