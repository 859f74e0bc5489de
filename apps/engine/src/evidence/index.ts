export * from './evidence-store.port';
export * from './evidence.module';
export { sniffMediaType, EVIDENCE_MEDIA_TYPES } from './evidence-media-type';
