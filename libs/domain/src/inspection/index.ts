export * from './inspection.values';
export * from './inspection.commands';
export * from './inspection.events';
export * from './inspection.state';
export * from './inspection.errors';
export * from './inspection.guards';
export * from './inspection.decider';
