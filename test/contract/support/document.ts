import { readFileSync } from 'node:fs';
import { COMMITTED_DOCUMENT } from './paths';

/** The parts of an OpenAPI 3.0 document the contract tests read. */
export type Schema = Record<string, any>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, unknown> };
  security?: Record<string, string[]>[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface ResponseSpec {
  /** media type → schema (undefined: the response has no body). */
  content?: Record<string, { schema?: Schema }>;
}

export interface ApiOperation {
  id: string;
  /** Upper case: GET, POST, … */
  method: string;
  /** The document's path template: `/api/v1/departments/{id}`. */
  path: string;
  tags: string[];
  parameters: Parameter[];
  body?: { mediaType: string; schema: Schema; required: boolean };
  responses: Record<string, ResponseSpec>;
  /** `x-permission` (`auth.users:read`), when the operation declares one. */
  permission?: string;
  /** No authentication (`security: []`, from `@Public()`). */
  isPublic: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

export function loadCommittedDocument(): OpenApiDocument {
  return JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8')) as OpenApiDocument;
}

/** Follows `$ref`s (local ones, `#/components/...`) until a schema object. */
export function deref<T = Schema>(document: OpenApiDocument, node: any): T {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${node.$ref}`);
    const pointer = (current.$ref as string).replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    current = pointer.reduce((value: any, key) => value?.[key], document);
    if (current === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
  }
  return current as T;
}

/** Every operation of the document, in a stable order (path, then method). */
export function listOperations(document: OpenApiDocument): ApiOperation[] {
  const globalSecurity = document.security ?? [];
  const operations: ApiOperation[] = [];
  for (const path of Object.keys(document.paths).sort()) {
    const item = document.paths[path];
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const parameters: Parameter[] = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) => {
        const parameter = deref<any>(document, p);
        return { name: parameter.name, in: parameter.in, required: parameter.required === true, schema: parameter.schema ?? { type: 'string' } };
      });
      // A path template variable the operation does not declare is still part of every request.
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) {
        if (!parameters.some((p) => p.in === 'path' && p.name === name)) parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
      }
      const requestBody = op.requestBody ? deref<any>(document, op.requestBody) : undefined;
      const mediaType = requestBody ? Object.keys(requestBody.content ?? {})[0] : undefined;
      const security = (op.security ?? globalSecurity) as unknown[];
      operations.push({
        id: op.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        parameters,
        body: requestBody && mediaType ? { mediaType, schema: requestBody.content[mediaType].schema ?? {}, required: requestBody.required === true } : undefined,
        responses: Object.fromEntries(Object.entries(op.responses ?? {}).map(([status, r]) => [status, deref<ResponseSpec>(document, r)])),
        permission: op['x-permission'],
        isPublic: security.length === 0,
      });
    }
  }
  return operations;
}

/** `GET /api/v1/departments/{id}` */
export const describeOperation = (op: ApiOperation) => `${op.id} (${op.method} ${op.path})`;
