export * from './subscription-health';
export * from './health.module';
