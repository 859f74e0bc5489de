export * from './request-context';
export * from './unit-scope.service';
export * from './http-request-context';
export * from './api-idempotent-command.decorator';
export * from './as-of.pipe';
