import { NestFactory } from '@nestjs/core';
import type { LogLevel as NestLogLevel, ModuleMetadata } from '@nestjs/common';
import type { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import { AuthorizationRefusals } from '@rectify/auth';
import { LOG_LEVELS, type EngineConfig } from '../config';
import { EngineModule, type EngineModuleOptions } from '../engine.module';
import { jsonOnly } from './json-only.middleware';
import { ProblemDetailsFilter } from './problem-details.filter';
import { setupSwagger } from './swagger';
import { createValidationPipe } from './validation.pipe';

export const API_PREFIX = 'api/v1';

export interface CreateEngineAppOptions {
  /** Extra modules (tests add a controller of their own here). */
  imports?: ModuleMetadata['imports'];
  /** Overrides LOG_LEVEL-derived logging, e.g. `false` in tests. */
  logger?: false | NestLogLevel[];
  /** A separate service's feature modules and dev-clock choice (default: the all-in-one engine). */
  service?: Pick<EngineModuleOptions, 'features' | 'devClock'>;
}

/**
 * Builds the fully configured engine without listening: body limit, JSON-only bodies,
 * /api/v1 prefix (except /health and /docs), validation, problem+json errors, OpenAPI.
 * Call `app.init()` (tests, with supertest) or `app.listen()` (main).
 */
export async function createEngineApp(config: EngineConfig, options: CreateEngineAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    EngineModule.register({ config, imports: options.imports ?? [], ...options.service }),
    { bodyParser: false, abortOnError: false, logger: options.logger ?? levelsFrom(config.logLevel) },
  );
  app.disable('x-powered-by');
  problemJsonForEveryUnknownRoute(app);
  app.use(`/${API_PREFIX}`, jsonOnly);
  app.useBodyParser('json', { limit: config.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(AuthorizationRefusals, { strict: false })));
  setupSwagger(app);
  return app;
}

/**
 * Nest answers unknown routes with its exception layer only under the global prefix;
 * elsewhere Express's HTML 404 would answer. Mount the same handler at the root too
 * (Nest registers it at init, after every route and after Swagger).
 */
function problemJsonForEveryUnknownRoute(app: NestExpressApplication): void {
  const adapter = app.getHttpAdapter() as ExpressAdapter;
  const register = adapter.setNotFoundHandler.bind(adapter);
  adapter.setNotFoundHandler = (handler, prefix, excluded) => {
    register(handler, prefix, excluded);
    adapter.use(handler);
    return adapter;
  };
}

function levelsFrom(level: EngineConfig['logLevel']): NestLogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1) as NestLogLevel[];
}
