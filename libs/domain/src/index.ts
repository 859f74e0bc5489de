export * from './shared';
export * from './org';
export * from './inspection';
export * from './finding';
export * from './calendar';
export * from './evaluation';
export * from './discipline';
export * from './remediation';
