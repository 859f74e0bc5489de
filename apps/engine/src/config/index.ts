export * from './engine-config';
export * from './config-error';
export * from './load-config';
export * from './config.module';
