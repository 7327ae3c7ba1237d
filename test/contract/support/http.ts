import type { ApiOperation } from './document';
import type { ResponseValidator } from './response-validator';

export interface HttpRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/departments?limit=5`. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json?: unknown;
}

export interface Exchange {
  /** What the case tried, e.g. `valid request` or `"name" with a NUL character`. */
  label: string;
  request: HttpRequest;
  response: HttpResponse;
}

/** A request that gets no complete response within this time is a failure of its own. */
export const RESPONSE_TIMEOUT_MS = 10_000;

/** Sends a request; a timeout or a broken connection comes back as status 0 with the reason as text. */
export async function send(baseUrl: string, request: HttpRequest): Promise<HttpResponse> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${baseUrl}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(RESPONSE_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no complete response within ${RESPONSE_TIMEOUT_MS} ms` : `connection failed: ${(error as Error).message} ${(error as { cause?: Error }).cause?.message ?? ''}`;
    return { status: 0, headers: {}, text: reason.trim() };
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: Object.fromEntries(response.headers.entries()), text, json };
}

const PROBLEM_SCHEMA = { $ref: '#/components/schemas/ProblemDetailsDto' };

/**
 * Error statuses the platform can answer on any operation without the operation documenting
 * them: a body over BODY_LIMIT_BYTES (413), a path parameter over the router's length limit
 * (414), a content type no parser accepts (415), and a URL no route matches (404
 * HTTP_ROUTE_NOT_FOUND, e.g. a path parameter with a slash in it). They must be problem+json all
 * the same.
 */
function isPlatformStatus(status: number, body: unknown): boolean {
  if (status === 413 || status === 414 || status === 415) return true;
  return status === 404 && (body as { code?: string } | undefined)?.code === 'HTTP_ROUTE_NOT_FOUND';
}

/**
 * What the contract promises about one response: never a 5xx; every error is problem+json that
 * validates against ProblemDetailsDto and is a status the operation documents; every 2xx is
 * documented and its body validates against the declared schema.
 */
export function checkExchange(validator: ResponseValidator, op: ApiOperation, { response }: Exchange): string[] {
  const problems: string[] = [];
  const { status } = response;
  const declared = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
  const contentType = response.headers['content-type'] ?? '';
  if (status === 0) return [response.text];
  if (status >= 500) problems.push(`server error ${status}`);
  if (status >= 400) {
    if (!contentType.startsWith('application/problem+json')) {
      problems.push(`error ${status} is not application/problem+json (content-type: ${contentType || 'none'})`);
    } else {
      for (const error of validator.validate(PROBLEM_SCHEMA, response.json)) problems.push(`problem body: ${error}`);
      if ((response.json as { status?: unknown } | undefined)?.status !== status) problems.push(`problem status differs from the HTTP status ${status}`);
    }
    if (status < 500 && !declared && !isPlatformStatus(status, response.json)) {
      problems.push(`status ${status} is not documented for this operation (add @ApiProblemResponses(${status}))`);
    }
  } else if (status >= 200 && status < 300) {
    if (!declared) {
      problems.push(`status ${status} is not documented for this operation`);
    } else {
      const media = declared.content ? Object.keys(declared.content) : [];
      const json = media.find((m) => m === 'application/json' || m.endsWith('+json'));
      if (json) {
        if (!contentType.startsWith('application/json') && !contentType.includes('+json')) problems.push(`${status} body is ${contentType || 'not typed'}, documented as ${json}`);
        else if (response.json === undefined) problems.push(`${status} body is not JSON`);
        else {
          const schema = declared.content?.[json]?.schema;
          if (schema) for (const error of validator.validate(schema, response.json)) problems.push(`response body: ${error}`);
        }
      } else if (media.length === 0 && response.text.length > 0) {
        problems.push(`${status} has a body but documents none`);
      }
    }
  } else if (status >= 300) {
    problems.push(`unexpected redirect ${status}`);
  }
  return problems;
}

const MAX_SHOWN = 600;
const clip = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} chars)` : text);

/** The request and response of a failed case, ready to paste into curl. */
export function formatExchange({ label, request, response }: Exchange, problems: string[]): string {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${name === 'authorization' ? 'Bearer …' : value}`)
    .join(', ');
  return [
    `case: ${label}`,
    `  → ${request.method} ${clip(request.url)}`,
    `    headers: ${headers || '(none)'}`,
    ...(request.body !== undefined ? [`    body: ${clip(request.body)}`] : []),
    `  ← ${response.status} ${response.headers['content-type'] ?? ''}`,
    `    ${clip(response.text) || '(empty body)'}`,
    `  problems: ${problems.join('; ')}`,
  ].join('\n');
}
