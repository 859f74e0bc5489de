export * from './finding.values';
export * from './finding.commands';
export * from './finding.events';
export * from './finding.state';
export * from './finding.errors';
export * from './finding.roles';
export * from './finding.decider';
