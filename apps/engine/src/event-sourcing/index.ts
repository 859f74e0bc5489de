export * from './event-sourcing.module';
export * from './event-sourcing.tokens';
export * from './served-read-models';
