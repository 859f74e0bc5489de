export * from './event-sourcing.module';
export * from './event-sourcing.tokens';
