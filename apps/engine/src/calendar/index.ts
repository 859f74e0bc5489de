export * from './calendar.tokens';
export * from './calendar.module';
export * from './event-sourced-calendar-source';
