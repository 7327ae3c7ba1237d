/**
 * The typed REST client of the Renewa API, as an outside consumer uses it (the e2e journeys do too).
 *
 * `schema.ts` is generated from the committed `openapi/openapi.json` by openapi-typescript
 * (`make openapi`; never edit it by hand). This file is the small hand-written part: a factory
 * over openapi-fetch with bearer auth, and `unwrap` to turn an error response into an exception.
 *
 *   const api = createApiClient({ baseUrl: 'http://localhost:3000', token });
 *   const { data, error, response } = await api.GET('/api/v1/departments/{id}', { params: { path: { id } } });
 *   const department = await unwrap(api.GET('/api/v1/departments/{id}', { params: { path: { id } } }));
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

/** Every named schema of the document: `Schemas['ProblemDetailsDto']`. */
export type Schemas = components['schemas'];
/** The RFC 9457 body of every error response. */
export type ProblemDetails = Schemas['ProblemDetailsDto'];
export type ApiClient = Client<paths>;

/** A bearer token, or a function returning the current one (e.g. after a refresh). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface ApiClientOptions {
  /** Scheme, host and port, without a path: the document's paths carry `/api/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` on every request when it yields a value. */
  token?: TokenSource;
  /** Headers for every request, e.g. `{ 'accept-language': 'de' }`. */
  headers?: Record<string, string>;
  /** A custom fetch (tests, retries, instrumentation); defaults to the global one. */
  fetch?: (input: Request) => Promise<Response>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), headers: options.headers, fetch: options.fetch });
  if (options.token !== undefined) client.use(bearerAuth(options.token));
  return client;
}

/** The middleware `createApiClient` installs for `token`; usable on any openapi-fetch client. */
export function bearerAuth(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === 'function' ? await token() : token;
      if (value) request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
}

/** An error response of the API: its status, the problem+json body and the request id. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | undefined;
  readonly requestId: string | null;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    super(`${response.status} ${problem ? `${problem.code}: ${problem.detail}` : response.statusText || 'error'}`);
    this.name = 'ApiError';
    this.status = response.status;
    this.problem = problem;
    this.requestId = response.headers.get('x-request-id');
  }
}

interface ClientResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a successful response; throws `ApiError` for any error response. */
export async function unwrap<R extends ClientResult>(pending: Promise<R> | R): Promise<Exclude<R['data'], undefined>> {
  const result = await pending;
  if (!result.response.ok) throw new ApiError(result.response, result.error);
  return result.data as Exclude<R['data'], undefined>;
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && typeof (body as ProblemDetails).code === 'string' && typeof (body as ProblemDetails).status === 'number';
}
