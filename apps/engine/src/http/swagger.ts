import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs-json';

/** OpenAPI UI at /docs and JSON at /docs-json (outside /api/v1), every operation behind a bearer token; built lazily. */
export function setupSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Rectify engine')
    .setDescription('Remediation of public-service inspection findings. Errors are RFC 9457 application/problem+json.')
    .setVersion('v1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  // The document is built on the first /docs or /docs-json request (then kept), not at boot.
  SwaggerModule.setup(DOCS_PATH, app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: DOCS_JSON_PATH });
}
