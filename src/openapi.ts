import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS, DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { IS_PUBLIC_KEY, ProblemDetailsDto } from '@libs/http';
import { packageVersion } from '@libs/db';
import { LOCALIZED_TEXT_MARKER, LOCALIZED_TEXT_SCHEMA } from '@libs/shared';
import { REQUEST_EXAMPLES } from './openapi-request-examples';

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
  return createOpenApiDocument(app);
}

/** The document for the app as built (plugin metadata already in the compiled DTOs). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Renewa API')
    .setDescription(API_DESCRIPTION)
    .setVersion(packageVersion())
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  // Handler names are the operation ids (`listLeads`), which become the generated client's methods.
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
    extraModels: [ProblemDetailsDto],
  });
  documentPlatformBehaviour(document, publicOperationIds(app));
  completeLocalizedTexts(document);
  return stableDocument(document);
}

const API_DESCRIPTION = [
  'Leads, surveys, renovation scenarios, quotes, funding applications and invoices for energy-renovation consultancies.',
  '',
  '**Trying it out**: `POST /api/v1/auth/login` (auth) with an e-mail and password answers an `accessToken`; paste it into',
  '**Authorize**. Each operation names the permission it needs (`x-permission`); what a user sees is limited by the scope',
  'of their grant (own, department, all) — something outside it answers 404, as if it did not exist. The demo data and a',
  'guided tour of one enquiry from the website form to a presented renovation roadmap: `docs/tour.md`.',
  '',
  '**Conventions**: errors are RFC 9457 `application/problem+json` with a stable `code`; every change of an existing',
  'record sends `If-Match` with the `ETag` its last read answered (412 when someone else changed it meanwhile);',
  'a `POST` with an `Idempotency-Key` header is answered once and replayed on a retry; lists page with `cursor` /',
  '`nextCursor` and have a CSV `export`; texts shown to customers are `{ de, en }`; money is integer euro cents.',
].join('\n');

/** The usual top-level order, then everything below sorted by key (see `sortKeys`). */
const TOP_LEVEL_ORDER = ['openapi', 'info', 'servers', 'tags', 'security', 'paths', 'components'];

function stableDocument(document: OpenAPIObject): OpenAPIObject {
  const sorted = sortKeys(document) as unknown as Record<string, unknown>;
  const rank = (key: string) => (TOP_LEVEL_ORDER.includes(key) ? TOP_LEVEL_ORDER.indexOf(key) : TOP_LEVEL_ORDER.length);
  const keys = Object.keys(sorted).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, sorted[key]])) as unknown as OpenAPIObject;
}

/**
 * What every route gets from the platform rather than from its handler, documented once here:
 * bearer auth is required everywhere (global security) except on `@Public()` operations
 * (`security: []`); the global guard answers 401 to a non-public operation without a valid token
 * and 403 when the token lacks the operation's `x-permission`; the validation pipe and the body
 * parser answer 400 to any operation that takes parameters or a body; a query parameter with a
 * default is optional. A JSON request body shows its whole example (openapi-request-examples.ts).
 * The top-level `tags` list the tags the operations use (one per context).
 */
function documentPlatformBehaviour(document: OpenAPIObject, publicIds: Set<string>): void {
  const tags = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, OperationObject | undefined>)[method];
      if (!operation) continue;
      for (const tag of operation.tags ?? []) tags.add(tag);
      // A query parameter with a default is optional (the Swagger plugin marks `limit = 50` required).
      for (const parameter of operation.parameters ?? []) {
        if ('in' in parameter && parameter.in === 'query' && parameter.schema && 'default' in parameter.schema) parameter.required = false;
      }
      const example = operation.operationId === undefined ? undefined : REQUEST_EXAMPLES[operation.operationId];
      const json = operation.requestBody && 'content' in operation.requestBody ? operation.requestBody.content['application/json'] : undefined;
      if (json && example !== undefined) json.example = example;
      const isPublic = operation.operationId !== undefined && publicIds.has(operation.operationId);
      if (isPublic) operation.security = [];
      const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined;
      const implied = [takesInput && 400, !isPublic && 401, !isPublic && 'x-permission' in operation && 403];
      for (const status of implied) if (status) addProblemResponse(operation.responses, status);
    }
  }
  const declared = new Map((document.tags ?? []).map((tag) => [tag.name, tag]));
  const rank = (name: string) => (name in CONTEXT_TAGS ? Object.keys(CONTEXT_TAGS).indexOf(name) : Object.keys(CONTEXT_TAGS).length);
  document.tags = [...tags]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map((name) => declared.get(name) ?? (CONTEXT_TAGS[name] ? { name, description: CONTEXT_TAGS[name] } : { name }));
}

/**
 * One tag per bounded context (`@ApiTags('<ctx>')` on every controller of the context), described
 * here once, in the order of a customer's journey (Swagger UI lists them so). A tag missing from
 * this list fails the lint test (tag-description): add it here.
 */
const CONTEXT_TAGS: Record<string, string> = {
  auth: 'Sign in (login, token refresh, logout) and administration of users, departments, roles and their permissions.',
  crm: 'Leads from every channel through their pipeline (new → contacted → qualified → converted | lost), contacts, companies and their activity timelines.',
  automation:
    'Workflows that react to domain events (mail, webhooks, CRM activities and fields, waits) with their run history; the mail outbox; public forms such as "Energieberatung anfragen" and their submissions.',
  scheduling: 'Appointments without double booking, working hours and absences, free slots, customer self-service links and calendar (ICS) feeds.',
  documents: 'Files, documents, document requests and PDF templates.',
  projects:
    'A converted lead’s project: its status pipeline, buildings with envelope components (U-values per DIN EN ISO 6946) and plant, renovation scenarios (iSFP) whose measures are checked against dated GEG and BEG limits, presented as frozen snapshots; material catalogue and reference data.',
  funding: 'Funding programmes (BEG, KfW, BAFA) with dated rules, and funding applications.',
  finance: 'Products, quotes, invoices, payments and number series.',
  audit: 'The tamper-evident audit log of every change, with a verification of its hash chain.',
  platform: 'Platform administration: delivery of domain events and their dead letters.',
  health: 'Liveness and readiness probes of the platform (no authentication).',
};

/** Every LocalizedText property (marked by ApiLocalizedText) requires both languages, in create and PATCH bodies alike. */
function completeLocalizedTexts(document: OpenAPIObject): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const schema = node as Record<string, unknown>;
    if (schema[LOCALIZED_TEXT_MARKER] === true) {
      delete schema[LOCALIZED_TEXT_MARKER];
      schema.required = [...LOCALIZED_TEXT_SCHEMA.required];
    }
    Object.values(schema).forEach(visit);
  };
  visit(document.components?.schemas);
}

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponsesObject = OperationObject['responses'];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function addProblemResponse(responses: ResponsesObject, status: number): void {
  responses[status] ??= {
    description: STATUS_CODES[status] ?? 'Error',
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
  };
}

/**
 * Operation ids of the handlers marked `@Public()` (on the method or its controller; the method's
 * own flag wins, as the guard's `getAllAndOverride` reads them). An operation id is the handler's
 * name unless `@ApiOperation({ operationId })` overrides it.
 */
function publicOperationIds(app: INestApplication): Set<string> {
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const controllerPublic = Reflect.getMetadata(IS_PUBLIC_KEY, metatype) as boolean | undefined;
      for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
        const handler = name === 'constructor' ? undefined : Object.getOwnPropertyDescriptor(metatype.prototype, name)?.value;
        if (typeof handler !== 'function') continue;
        const handlerPublic = Reflect.getMetadata(IS_PUBLIC_KEY, handler) as boolean | undefined;
        if (!(handlerPublic ?? controllerPublic)) continue;
        const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as { operationId?: string } | undefined;
        ids.add(operation?.operationId ?? name);
      }
    }
  }
  return ids;
}

/**
 * Object keys in code-point order, recursively (arrays keep their order), so the committed
 * document and its diff do not depend on module import order.
 */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeys(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted as T;
}

/** Serves Swagger UI and the JSON; a factory builds the document on the first request, not at boot. */
export function setupSwagger(app: INestApplication, document: OpenAPIObject | (() => OpenAPIObject)): void {
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Renewa API',
    // Links to an operation (#/projects/presentScenario), a filter box for tags, the token kept across reloads.
    swaggerOptions: { deepLinking: true, filter: true, persistAuthorization: true, displayRequestDuration: true },
  });
}
