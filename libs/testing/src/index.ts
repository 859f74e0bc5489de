export * from './embedded-postgres-server';
export * from './test-database';
export * from './container-runtime';
export * from './free-port';
export * from './decider-specification';
