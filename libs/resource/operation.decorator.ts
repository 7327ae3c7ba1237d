import { applyDecorators, HttpCode, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiProduces, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PermissionKey, RequirePermission } from '@libs/auth';
import { ApiIfMatch, ApiProblemResponses, ETAG_HEADER, Public } from '@libs/http';
import { Idempotent } from '@libs/idempotency';
import { AuditedResponseDto } from './audited-response.dto';

/** A documented problem with its own schema (e.g. the 409 with duplicate candidates). */
export interface ProblemResponse {
  status: number;
  type: Type;
  description: string;
}

export interface OperationOptions {
  summary: string;
  description?: string;
  /** The permission the route needs (the guard checks it, OpenAPI shows it), or `public`. */
  permission: PermissionKey | 'public';
  /** 200 with this body (`[Dto]`: a JSON array of it). */
  ok?: Type | [Type];
  /** 201 with this body. */
  created?: Type;
  /** 204 without a body; the description of the outcome (`Deleted`). */
  noContent?: string;
  /** 200 with a streamed CSV file. */
  csv?: boolean;
  /** 200 with a streamed file of any type (and 206 for a `Range` request); the handler writes the reply. */
  file?: boolean;
  /** Error statuses the handler itself can answer (the platform adds 400/401/403); or problems with their own schema. */
  problems?: (number | ProblemResponse)[];
  /** `If-Match` required (PATCH/DELETE: 428 without, 412 when stale) or optional (conditional POST actions). */
  ifMatch?: 'required' | 'optional';
  /** `Idempotency-Key` replays the first response (creating POSTs and POST actions). */
  idempotent?: boolean;
}

/**
 * Everything a route declares besides its HTTP method and path, in one decorator (immich's
 * `@Endpoint` in spirit): permission, OpenAPI summary and responses, the status code, problems,
 * ETag/If-Match and idempotency. A response DTO extending AuditedResponseDto documents the ETag
 * header it comes with.
 *
 *   @Patch(':id')
 *   @Operation({ permission: 'crm.companies:update', summary: 'Change a company', ok: CompanyResponseDto, problems: [404, 422], ifMatch: 'required' })
 *   updateCompany(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateCompanyDto) { … }
 */
export function Operation(options: OperationOptions): MethodDecorator {
  const decorators: (MethodDecorator | ClassDecorator)[] = [
    options.permission === 'public' ? Public() : RequirePermission(options.permission),
    ApiOperation({ summary: options.summary, ...(options.description && { description: options.description }) }),
    ...successResponse(options),
    ...problemResponses(options.problems ?? []),
  ];
  if (options.ifMatch) decorators.push(ApiIfMatch({ required: options.ifMatch === 'required' }));
  if (options.idempotent) decorators.push(Idempotent());
  return applyDecorators(...decorators) as MethodDecorator;
}

function successResponse(options: OperationOptions): (MethodDecorator | ClassDecorator)[] {
  const declared = [options.ok, options.created, options.noContent, options.csv, options.file].filter((value) => value !== undefined);
  if (declared.length !== 1) throw new Error(`@Operation("${options.summary}") must declare exactly one of ok, created, noContent, csv, file`);
  if (options.csv) {
    return [
      HttpCode(200),
      ApiProduces('text/csv'),
      ApiResponse({ status: 200, description: 'CSV file (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } }),
    ];
  }
  if (options.file) {
    const binary = { '*/*': { schema: { type: 'string', format: 'binary' } } };
    const headers = {
      ETag: { description: 'The SHA-256 of the whole file', schema: { type: 'string' } },
      'Content-Disposition': { description: 'attachment with the file name', schema: { type: 'string' } },
    };
    return [
      HttpCode(200),
      ApiResponse({ status: 200, description: 'The file', content: binary, headers }),
      ApiResponse({ status: 206, description: 'The requested byte range (Range: bytes=…)', content: binary, headers }),
    ];
  }
  if (options.noContent) return [HttpCode(204), ApiResponse({ status: 204, description: options.noContent })];
  const status = options.created ? 201 : 200;
  const declaredType = (options.created ?? options.ok) as Type | [Type];
  const isArray = Array.isArray(declaredType);
  const type = isArray ? declaredType[0] : declaredType;
  const etag = !isArray && type.prototype instanceof AuditedResponseDto;
  return [
    HttpCode(status),
    ApiResponse({ status, type, isArray, description: status === 201 ? 'Created' : 'OK', ...(etag && { headers: ETAG_HEADER }) }),
  ];
}

function problemResponses(problems: (number | ProblemResponse)[]): (MethodDecorator | ClassDecorator)[] {
  const plain = problems.filter((problem): problem is number => typeof problem === 'number');
  const typed = problems.filter((problem): problem is ProblemResponse => typeof problem !== 'number');
  return [
    ...(plain.length ? [ApiProblemResponses(...plain)] : []),
    ...typed.flatMap((problem) => [
      ApiExtraModels(problem.type),
      ApiResponse({
        status: problem.status,
        description: problem.description,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(problem.type) } } },
      }),
    ]),
  ];
}
