import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, type EngineConfig } from './config';
import { API_PREFIX, createEngineApp } from './http/engine-app';
import { DOCS_PATH } from './http/swagger';

/** Entry point: refuses to start on bad configuration (exit 1, message names the variable). */
async function bootstrap(): Promise<void> {
  let config: EngineConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createEngineApp(config);
  app.enableShutdownHooks();
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    await app.close(); // stops embedded PostgreSQL
    throw error;
  }
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  new Logger('Engine').log(
    `Rectify engine listening on ${base} — API ${base}/${API_PREFIX} — docs ${base}/${DOCS_PATH} (auth: ${config.auth.mode})`,
  );
}

bootstrap().catch((error: unknown) => {
  new Logger('Engine').fatal(`engine failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
