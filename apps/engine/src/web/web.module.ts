import { Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { ExpressAdapter } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuthConfigController } from './auth-config.controller';
import { webDistDir } from './web-root';
import { webStaticHandler } from './web-static.handler';

/**
 * Mounts the web app at `/`. onModuleInit runs after Nest registered every route and before
 * its not-found handler, so API, /docs and /health routes always win, and unknown API paths
 * still get problem+json 404s (the handler also skips reserved prefixes explicitly).
 */
@Injectable()
export class WebAppMount implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.host.httpAdapter as ExpressAdapter | undefined;
    if (!adapter) return;
    const root = webDistDir();
    if (!existsSync(join(root, 'index.html'))) {
      this.logger.warn(`web app not built (${root}); run \`node scripts/build-web.js\` or \`npm start\``);
    }
    adapter.use(webStaticHandler(root));
  }
}

@Module({ controllers: [AuthConfigController], providers: [WebAppMount] })
export class WebModule {}
