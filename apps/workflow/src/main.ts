import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, type EngineConfig } from '../../engine/src/config';
import { createEngineApp } from '../../engine/src/http/engine-app';
import { WORKFLOW_MODULES } from './workflow.service-modules';

const logger = new Logger('WorkflowService');

/**
 * The workflow service alone. It shares only the event store (public in the one database) and
 * Kafka with the other services; its own tables live in schema `workflow` (workflow.service-modules.ts).
 * DATABASE_URL is required: an embedded PostgreSQL of its own would be a partial system nobody
 * else writes to. Bad config: exit 1, variable named.
 */
async function bootstrap(): Promise<void> {
  let config: EngineConfig;
  try {
    config = loadConfig();
    if (!config.databaseUrl) throw new ConfigError(['DATABASE_URL is required to run the workflow service alone (`npm start` runs the all-in-one engine)']);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createEngineApp(config, { service: { features: WORKFLOW_MODULES, devClock: true } });
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  logger.log(`Rectify workflow service listening on http://${config.host}:${config.port} (auth: ${config.auth.mode})`);
}

bootstrap().catch((error: unknown) => {
  logger.fatal(`workflow service failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
