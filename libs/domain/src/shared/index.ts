export * from './decider';
export * from './message';
export * from './domain-error';
export * from './stream-names';
export * from './role-guard';
export * from './value-checks';
