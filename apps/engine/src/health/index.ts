export * from './subscription-health';
export * from './dependency-health';
export * from './health.module';
