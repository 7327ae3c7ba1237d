import type { BodyPayload } from './arbitraries';
import type { ApiOperation, OpenApiDocument } from './document';
import { Exchange, HttpRequest, send } from './http';
import { collectionOf, IdPool, isRestore } from './id-pool';
import type { ResponseValidator } from './response-validator';
import type { Session } from './session';

/** What fuzzing one API as one user needs, and what it learns along the way (ids, anchor exchanges). */
export interface FuzzContext {
  baseUrl: string;
  document: OpenApiDocument;
  operations: ApiOperation[];
  validator: ResponseValidator;
  ids: IdPool;
  /** The authorised user the requests run as; none: anonymous. */
  session?: Session;
  /** Request bodies for the few operations whose schema cannot describe one that works (support/fuzz-fixtures.ts). */
  exampleBodies?: Record<string, (ctx: FuzzContext) => BodyPayload>;
  /** Exchanges of each operation's documented example, sent before the generated requests (support/anchors.ts). */
  anchors: Map<string, Exchange[]>;
}

export function createFuzzContext(options: Omit<FuzzContext, 'ids' | 'anchors'> & { ids?: IdPool }): FuzzContext {
  return { ...options, ids: options.ids ?? new IdPool(options.document), anchors: new Map() };
}

/** One request to send: path values, query, headers, body, and how to fill If-Match. */
export interface FuzzCase {
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

const CONDITIONAL = ['PATCH', 'PUT', 'DELETE'];

export function buildRequest(op: ApiOperation, c: FuzzCase, headers: Record<string, string>): HttpRequest {
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
 * Sends one case as the session's user (If-Match filled as the case says) and remembers what a
 * 2xx teaches: the ids in its body, and that a deleted record is deleted (or restored). A 401 on
 * an operation that needs a token re-signs the session in once (a case may have revoked it).
 */
export async function sendCase(ctx: FuzzContext, op: ApiOperation, c: FuzzCase, client: Record<string, string>): Promise<Exchange> {
  for (let round = 0; ; round++) {
    const auth = op.isPublic ? {} : (ctx.session?.headers() ?? {});
    const headers: Record<string, string> = { ...client, ...auth };
    if (CONDITIONAL.includes(op.method)) {
      if (c.precondition === 'current') {
        const etag = await currentEtag(ctx, op, c, auth);
        if (etag) headers['if-match'] = etag;
      } else if (c.precondition === 'stale') headers['if-match'] = '"987654321"';
      else if (c.precondition === 'garbage') headers['if-match'] = 'W/"not-a-version", *';
    }
    const request = buildRequest(op, c, headers);
    const response = await send(ctx.baseUrl, request);
    if (response.status === 401 && !op.isPublic && ctx.session && round === 0) {
      await ctx.session.relogin();
      continue;
    }
    if (response.status >= 200 && response.status < 300) learn(ctx, op, c, response.json);
    return { label: c.label, request, response };
  }
}

function learn(ctx: FuzzContext, op: ApiOperation, c: FuzzCase, body: unknown): void {
  ctx.ids.harvest(op, body);
  const id = c.path.id;
  if (!id || c.rawPath) return;
  const collection = collectionOf(op.path.replace(/\/\{id\}.*$/, '/{id}'));
  if (op.method === 'DELETE' && op.path.endsWith('/{id}')) ctx.ids.markDeleted(collection, id);
  if (isRestore(op)) ctx.ids.addLive(collection, id);
}
