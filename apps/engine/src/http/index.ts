export * from './problem-details';
export * from './coded-http.exception';
export * from './problem-details.filter';
export * from './validation.pipe';
export * from './idempotency-key.decorator';
export * from './if-match.decorator';
export * from './engine-app';
