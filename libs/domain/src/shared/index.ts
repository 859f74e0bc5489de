export * from './decider';
export * from './message';
export * from './domain-error';
