import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DOCS_PATH = 'docs';
export const OPENAPI_JSON_PATH = 'docs/openapi.json';
export const BEARER_SCHEME = 'bearer';

export interface OpenApiOptions {
  /**
   * The Swagger CLI plugin's metadata (`() => import('./metadata')`) when the code was not
   * compiled by `nest build` with the plugin, e.g. under SWC. Without it DTO schemas stay empty.
   */
  pluginMetadata?: () => Promise<Record<string, any>>;
}

/** The OpenAPI document of an app (also what `make openapi` writes to disk). */
export async function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions = {}): Promise<OpenAPIObject> {
  if (options.pluginMetadata) await SwaggerModule.loadPluginMetadata(options.pluginMetadata);
  const config = new DocumentBuilder()
    .setTitle('Renewa API')
    .setDescription(
      'Leads, surveys, renovation scenarios, quotes, funding applications and invoices for energy-renovation ' +
        'consultancies. Errors are RFC 9457 application/problem+json with a stable `code`.',
    )
    .setVersion(packageVersion())
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .build();
  // Handler names are the operation ids (`listLeads`), which become the generated client's methods.
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, method) => method });
}

/** Swagger UI at /docs and the document at /docs/openapi.json, outside the API prefix. */
export function setupSwagger(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Renewa API',
  });
}

let cachedVersion: string | undefined;

/** The version in the project's package.json, found from src/ (ts-jest, SWC) or dist/src/ alike. */
export function packageVersion(): string {
  if (cachedVersion) return cachedVersion;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'renewa-backend' && pkg.version) return (cachedVersion = pkg.version);
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}
