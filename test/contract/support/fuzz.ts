import fc from 'fast-check';
import { BodyPayload, invalidBody, invalidQueryValue, MALFORMED_PATH_VALUES, validValue } from './arbitraries';
import { ApiOperation, OpenApiDocument, Parameter } from './document';
import { checkExchange, Exchange, formatExchange, HttpRequest, send } from './http';
import type { ResponseValidator } from './response-validator';
import type { Session } from './session';

/**
 * Contract fuzzing of one operation: `runs` requests generated from its schemas with a fixed seed
 * (valid ones, and ones with a broken body, query, path or precondition), sent as the session's
 * user, each response checked by `checkExchange`. Ids for path parameters come from earlier
 * responses (`IdPool`), so valid requests reach real records, plus random and malformed ids.
 */

export interface FuzzOptions {
  seed: number;
  runs: number;
}

export interface FuzzFailure {
  exchange: Exchange;
  problems: string[];
}

export interface FuzzReport {
  operation: ApiOperation;
  seed: number;
  requests: number;
  elapsedMs: number;
  statuses: Record<number, number>;
  failures: FuzzFailure[];
}

export interface FuzzContext {
  baseUrl: string;
  document: OpenApiDocument;
  operations: ApiOperation[];
  validator: ResponseValidator;
  ids: IdPool;
  /** The authorised user the requests run as; none: anonymous. */
  session?: Session;
}

interface FuzzCase {
  label: string;
  path: Record<string, string>;
  /** Path values sent as they are (not percent-encoded): broken escapes. */
  rawPath?: boolean;
  query: [string, string][];
  headers: Record<string, string>;
  body?: BodyPayload;
  /** How to fill If-Match on PATCH/PUT/DELETE: the current ETag, or deliberately not. */
  precondition: 'current' | 'missing' | 'stale' | 'garbage';
}

// ------------------------------------------------------------------------------------------
// Ids seen in responses

/** Ids from 2xx bodies (`id`, `items[].id`), by the collection path they came from. */
export class IdPool {
  private readonly byCollection = new Map<string, string[]>();
  private readonly excluded = new Set<string>();

  /** Never hand out this id (the session's own user: the fuzzer must not lock itself out). */
  exclude(id: string | undefined): void {
    if (id) this.excluded.add(id);
  }

  harvest(op: ApiOperation, body: unknown): void {
    const collection = collectionOf(op.path);
    const ids: unknown[] = [];
    if (isRecord(body)) {
      ids.push(body.id);
      if (Array.isArray(body.items)) ids.push(...body.items.map((item) => (isRecord(item) ? item.id : undefined)));
    }
    for (const id of ids) if (typeof id === 'string' && id.length <= 100) this.add(collection, id);
  }

  add(collection: string, id: string): void {
    const list = this.byCollection.get(collection) ?? [];
    if (!list.includes(id) && !this.excluded.has(id)) list.push(id);
    this.byCollection.set(collection, list.slice(-25));
  }

  /** Ids for the path parameter `name` of `path`, e.g. `id` of `/api/v1/departments/{id}`. */
  idsFor(path: string, name: string): string[] {
    const at = path.indexOf(`{${name}}`);
    const own = this.byCollection.get(path.slice(0, at).replace(/\/$/, '')) ?? [];
    if (own.length) return own;
    // `roleId` in `/users/{id}/roles/{roleId}`: the ids of the collection named like it.
    const stem = name.replace(/Id$/, '').toLowerCase();
    for (const [collection, ids] of this.byCollection) {
      if (stem !== name.toLowerCase() && collection.split('/').pop()?.toLowerCase().startsWith(stem) && ids.length) return ids;
    }
    return [];
  }
}

/** `/api/v1/departments/{id}` → `/api/v1/departments`; `/api/v1/departments` stays. */
function collectionOf(path: string): string {
  return path.replace(/\/\{[^}]+\}$/, '');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// ------------------------------------------------------------------------------------------
// Order: state-changing operations late, so they do not starve the others

/**
 * Creates first (they fill the id pool), then reads, updates and actions, deletes last; public
 * operations (sign-in, refresh, logout) at the very end, since throttling and revoked sessions
 * must not affect the rest.
 */
export function fuzzOrder(op: ApiOperation): number {
  if (op.isPublic && op.method !== 'GET') return 6;
  const hasPathParams = op.parameters.some((p) => p.in === 'path');
  switch (op.method) {
    case 'POST':
      return hasPathParams ? 3 : 0;
    case 'GET':
      return hasPathParams ? 2 : 1;
    case 'PUT':
    case 'PATCH':
      return 3;
    case 'DELETE':
      return 5;
    default:
      return 4;
  }
}

export function sortForFuzzing(operations: ApiOperation[]): ApiOperation[] {
  return [...operations].sort((a, b) => fuzzOrder(a) - fuzzOrder(b) || a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

// ------------------------------------------------------------------------------------------
// Generation

function seedFor(base: number, op: ApiOperation): number {
  // Per operation, so adding an operation does not change the requests of the others.
  let hash = base | 0;
  for (const char of op.id) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

function caseArbitrary(ctx: FuzzContext, op: ApiOperation): fc.Arbitrary<FuzzCase> {
  const { document } = ctx;
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const headerParams = op.parameters.filter((p) => p.in === 'header' && p.name.toLowerCase() !== 'if-match');
  const conditional = ['PATCH', 'PUT', 'DELETE'].includes(op.method);

  const validPath = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, validPathValue(ctx, op, p)]))) as fc.Arbitrary<Record<string, string>>;
  // Optional parameters in about a third of the requests each, so most valid requests stay valid
  // even when one parameter's schema cannot say everything (a cursor must come from a list).
  const validQuery = fc
    .tuple(
      ...queryParams.map((p) => {
        const pair = queryValue(document, p).map((v): [string, string] => [p.name, v]);
        return p.required ? pair : fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: pair });
      }),
    )
    .map((pairs) => pairs.filter((pair): pair is [string, string] => pair !== undefined));
  const validHeaders = fc
    .tuple(
      ...headerParams.map((p) => {
        const pair = validValue(document, p.schema).map((v): [string, string] => [p.name, headerSafe(String(v))]);
        return p.required ? pair : fc.option(pair, { nil: undefined, freq: 2 });
      }),
    )
    .map((pairs) => Object.fromEntries(pairs.filter((pair): pair is [string, string] => pair !== undefined)));
  const validBody = op.body ? validValue(document, op.body.schema).map((json): BodyPayload => ({ json })) : fc.constant(undefined);

  const valid = fc
    .record({ path: validPath, query: validQuery, headers: validHeaders, body: validBody })
    .map((c): FuzzCase => ({ ...c, label: 'valid request', precondition: 'current' }));

  const variants: { weight: number; arbitrary: fc.Arbitrary<FuzzCase> }[] = [{ weight: 4, arbitrary: valid }];
  if (op.body) {
    variants.push({
      weight: 4,
      arbitrary: fc.tuple(valid, invalidBody(document, op.body.schema)).map(([c, broken]) => ({ ...c, body: broken.body, label: `invalid body: ${broken.label}` })),
    });
  }
  if (queryParams.length) {
    variants.push({
      weight: 2,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...queryParams))
        .chain(([c, p]) => invalidQueryValue(document, p.schema).map((v) => ({ ...c, query: [...c.query.filter(([n]) => n !== p.name), [p.name, v]] as [string, string][], label: `invalid query ${p.name}=${JSON.stringify(v.slice(0, 40))}` }))),
    });
  }
  variants.push({
    weight: 1,
    arbitrary: fc.tuple(valid, fc.constantFrom('unknown', 'limit', 'q', '__proto__')).map(([c, name]) => ({
      ...c,
      query: [...c.query, [name, 'x'], [name, 'y']] as [string, string][],
      label: `query parameter ${name} given twice`,
    })),
  });
  if (pathParams.length) {
    variants.push({
      weight: 3,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...pathParams), fc.constantFrom(...MALFORMED_PATH_VALUES))
        .map(([c, p, v]) => ({ ...c, path: { ...c.path, [p.name]: v }, label: `malformed path ${p.name}=${JSON.stringify(v.slice(0, 40))}` })),
    });
    variants.push({
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom(...pathParams)).map(([c, p]) => ({ ...c, path: { ...c.path, [p.name]: '%E0%A4%A' }, rawPath: true, label: `broken percent-encoding in ${p.name}` })),
    });
  }
  if (conditional) {
    variants.push({
      weight: 2,
      arbitrary: fc.tuple(valid, fc.constantFrom('missing' as const, 'stale' as const, 'garbage' as const)).map(([c, precondition]) => ({ ...c, precondition, label: `If-Match ${precondition}` })),
    });
  }
  return fc.oneof(...variants);
}

/** Header values are Latin-1 on the wire: anything else becomes its base64url form. */
function headerSafe(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : Buffer.from(value).toString('base64url').slice(0, 64);
}

function validPathValue(ctx: FuzzContext, op: ApiOperation, p: Parameter): fc.Arbitrary<string> {
  const known = ctx.ids.idsFor(op.path, p.name);
  const generated = validValue(ctx.document, p.schema).map(String);
  return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: generated }) : generated;
}

function queryValue(document: OpenApiDocument, p: Parameter): fc.Arbitrary<string> {
  return validValue(document, p.schema).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
}

// ------------------------------------------------------------------------------------------
// Execution

function buildRequest(op: ApiOperation, c: FuzzCase, headers: Record<string, string>): HttpRequest {
  let url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (c.rawPath ? c.path[name] : encodeURIComponent(c.path[name] ?? '')));
  if (c.query.length) url += `?${new URLSearchParams(c.query).toString()}`;
  const request: HttpRequest = { method: op.method, url, headers: { ...c.headers, ...headers } };
  if (c.body) {
    if ('json' in c.body) {
      request.body = JSON.stringify(c.body.json);
      request.headers['content-type'] = op.body?.mediaType ?? 'application/json';
    } else {
      request.body = c.body.raw;
      request.headers['content-type'] = c.body.contentType;
    }
  }
  return request;
}

/** The current ETag of the record a PATCH/PUT/DELETE targets, read with the GET at the same path. */
async function currentEtag(ctx: FuzzContext, op: ApiOperation, c: FuzzCase, auth: Record<string, string>): Promise<string | undefined> {
  const read = ctx.operations.find((o) => o.path === op.path && o.method === 'GET');
  if (!read) return undefined;
  const response = await send(ctx.baseUrl, buildRequest(read, { ...c, query: [], body: undefined, headers: {} }, auth));
  return response.status === 200 ? response.headers.etag : undefined;
}

/**
 * Sends `runs` generated requests for `op` and checks each response. Failures carry the exact
 * request and response. A 401 on an operation that needs a token re-signs the session in once
 * (a case may have revoked it) and repeats the request.
 */
export async function fuzzOperation(ctx: FuzzContext, op: ApiOperation, options: FuzzOptions): Promise<FuzzReport> {
  const seed = seedFor(options.seed, op);
  const cases = fc.sample(caseArbitrary(ctx, op), { seed, numRuns: options.runs });
  const report: FuzzReport = { operation: op, seed, requests: 0, elapsedMs: 0, statuses: {}, failures: [] };
  const started = Date.now();
  const opIndex = Math.abs(seed % 200) + 1;
  for (const [index, c] of cases.entries()) {
    // Each case from its own (trusted-proxy) client address, so per-ip throttles of sign-in do
    // not build up across cases and never reach the session's own sign-ins.
    const client = { 'x-forwarded-for': `10.${opIndex}.${Math.floor(index / 250)}.${(index % 250) + 1}` };
    const exchange = await attempt(ctx, op, c, client);
    report.requests++;
    report.statuses[exchange.response.status] = (report.statuses[exchange.response.status] ?? 0) + 1;
    const problems = checkExchange(ctx.validator, op, exchange);
    if (problems.length) report.failures.push({ exchange, problems });
    // No response (a hang, a dropped connection): the operation is broken; do not wait on it again.
    if (exchange.response.status === 0) break;
    if (exchange.response.status >= 200 && exchange.response.status < 300) ctx.ids.harvest(op, exchange.response.json);
  }
  report.elapsedMs = Date.now() - started;
  return report;
}

async function attempt(ctx: FuzzContext, op: ApiOperation, c: FuzzCase, client: Record<string, string>): Promise<Exchange> {
  for (let round = 0; ; round++) {
    const auth = op.isPublic ? {} : (ctx.session?.headers() ?? {});
    const headers: Record<string, string> = { ...client, ...auth };
    if (['PATCH', 'PUT', 'DELETE'].includes(op.method)) {
      if (c.precondition === 'current') {
        const etag = await currentEtag(ctx, op, c, auth);
        if (etag) headers['if-match'] = etag;
      } else if (c.precondition === 'stale') headers['if-match'] = '"987654321"';
      else if (c.precondition === 'garbage') headers['if-match'] = 'W/"not-a-version", *';
    }
    const request = buildRequest(op, c, headers);
    const response = await send(ctx.baseUrl, request);
    const exchange = { label: c.label, request, response };
    if (response.status === 401 && !op.isPublic && ctx.session && round === 0) {
      await ctx.session.relogin();
      continue;
    }
    return exchange;
  }
}

/** A readable account of the failures of a report (at most `limit` of them). */
export function formatReport(report: FuzzReport, limit = 5): string {
  const { operation: op, failures } = report;
  const shown = failures.slice(0, limit).map((f) => formatExchange(f.exchange, f.problems));
  return [
    `${op.id} (${op.method} ${op.path}): ${failures.length} of ${report.requests} requests broke the contract (operation seed ${report.seed})`,
    ...shown,
    ...(failures.length > limit ? [`… and ${failures.length - limit} more`] : []),
  ].join('\n\n');
}
