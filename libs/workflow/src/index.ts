export * from './clock/clock';
export * from './command-handling/command-runner';
export * from './command-handling/deterministic-id';
export * from './command-handling/load-aggregate';
