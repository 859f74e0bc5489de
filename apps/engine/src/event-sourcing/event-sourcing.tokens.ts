/** DI token of the ProjectionRunner that keeps the read models up to date. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
