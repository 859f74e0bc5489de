export * from './evaluation.values';
export * from './evaluation.commands';
export * from './evaluation.events';
export * from './evaluation.state';
export * from './evaluation.errors';
export * from './evaluation.decider';
