import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses } from './api-problem-responses.decorator';
import { AppError } from './app-error';

export const PRECONDITION_REQUIRED = 'PRECONDITION_REQUIRED';
export const PRECONDITION_FAILED = 'PRECONDITION_FAILED';

/**
 * The ETag of a versioned row: strong, `"<id>:<version>"`. Opaque to clients, who only echo it in
 * `If-Match`; the id part makes an ETag of one resource useless on another.
 */
export function formatEtag(id: string, version: number): string {
  return `"${id}:${version}"`;
}

const ENTITY_TAG = /^(?:W\/)?"([0-9a-f-]{36}):(\d{1,9})"$/i;

/**
 * The version an `If-Match` header pins for the resource `id` (optimistic concurrency):
 * 428 without the header; 412 when it cannot match this resource (another id, a malformed tag, a
 * list, or `*` — a client must say which version it edited). A weak prefix (`W/`, added by some
 * proxies) is tolerated. Whether the version is still current is the repository's question.
 */
export function parseIfMatch(header: string | string[] | undefined, id: string): number {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value === undefined || value.trim() === '') {
    throw AppError.preconditionRequired(PRECONDITION_REQUIRED, 'Send If-Match with the ETag of the version you read.');
  }
  const match = ENTITY_TAG.exec(value.trim());
  if (!match || match[1].toLowerCase() !== id.toLowerCase()) throw staleResource();
  return Number(match[2]);
}

export function staleResource(detail = 'The resource has changed since you read it (If-Match does not match its ETag); read it again.'): AppError {
  return AppError.preconditionFailed(PRECONDITION_FAILED, detail);
}

/**
 * `@IfMatch() expectedVersion: number` — the version the client's `If-Match` pins for the route's
 * `:id` (see parseIfMatch). `@IfMatch({ optional: true })` returns undefined without the header
 * (conditional POST actions such as convert or restore).
 */
export const IfMatch = createParamDecorator((options: { optional?: boolean } | undefined, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: Record<string, string> }>>();
  const header = request.headers['if-match'];
  if (options?.optional && (header === undefined || header === '')) return undefined;
  return parseIfMatch(header, String(request.params?.id ?? ''));
});

/** Documents the `If-Match` request header and its 412/428 problems. */
export function ApiIfMatch(options: { required?: boolean } = {}): MethodDecorator {
  const required = options.required ?? true;
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required,
      description: required
        ? 'The ETag of the version being changed (from a previous read). 428 without it, 412 when it is no longer current.'
        : 'Optional: the ETag of the version being acted on; 412 when it is no longer current.',
      schema: { type: 'string', example: '"0b6d3c0e-5a43-4a4f-9d5c-5c4f2e6d1a10:3"' },
    }),
    ApiProblemResponses(...(required ? [412, 428] : [412])),
  );
}

interface Versioned {
  id: string;
  version: number;
}

/** A body that is one versioned resource (`{ id, version, … }`); lists and other shapes are not. */
export function isVersioned(body: unknown): body is Versioned {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Versioned).id === 'string' &&
    typeof (body as Versioned).version === 'number'
  );
}

/** OpenAPI description of the `ETag` response header, for `@ApiOkResponse({ headers: ETAG_HEADER })`. */
export const ETAG_HEADER = {
  ETag: { description: 'The version of the returned resource; send it as If-Match to change it.', schema: { type: 'string' } },
} as const;
