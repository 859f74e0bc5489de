export * from './integration-event';
export * from './findings.v1';
export * from './escalations.v1';
export * from './decisions.v1';
export * from './finding-submissions.v1';
export * from './finding-submissions-dlq.v1';
