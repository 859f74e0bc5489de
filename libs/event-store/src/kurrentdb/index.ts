export * from './kurrentdb-event-store';
export * from './kurrentdb-checkpointed-subscription';
export * from './kurrentdb-wake-up';
export * from './kurrentdb-connection';
export * from './kurrentdb-support.schema';
