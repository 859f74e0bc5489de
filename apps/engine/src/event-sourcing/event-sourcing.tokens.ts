/** DI token of the ProjectionRunner that keeps the read models up to date. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
/** DI token of the opened event store adapter (EVENT_STORE) with its close(), chosen by EVENTSTORE_URL. */
export const OPENED_EVENT_STORE = Symbol('OPENED_EVENT_STORE');
