import { randomUUID } from 'node:crypto';
import type { ApiOperation } from './document';
import { HttpRequest, HttpResponse, send } from './http';
import { disagreement, documentedPermission, PermissionTable, PUBLIC, tablePermission } from './permission-table';

/**
 * The authorization matrix: for one operation and one principal (anonymous, or a user holding one
 * role), what the reviewed permission table (docs/api-permissions.md) and the roles' grants say
 * must happen, and what did.
 *
 * - `public` operations are open to everyone.
 * - Every other operation must declare `x-permission` (from `@RequirePermission`), the one the
 *   table names; anonymous → 401.
 * - A role may pass iff its grants contain the permission the table names (any scope); then the
 *   response is anything but 401/403-by-the-guard (a 400 for the probe's empty body, a 404 for its
 *   random id, …). Otherwise the guard answers 403.
 */

/** The 403 codes of the global guard (src/modules/auth/auth.errors.ts); other 403s come later, from a service. */
export const GUARD_DENIALS = new Set(['AUTH_PERMISSION_DENIED', 'AUTH_ROUTE_NOT_DECLARED']);

export type Outcome = 'allowed' | 'unauthenticated' | 'forbidden';

export interface Principal {
  /** `anonymous` or the role key. */
  name: string;
  /** Permission → scope (undefined: anonymous). */
  grants?: Readonly<Record<string, string>>;
  headers(): Record<string, string>;
  /** Sign in again (a token revoked along the way); anonymous has nothing to renew. */
  renew?(): Promise<void>;
}

export interface MatrixCell {
  principal: string;
  expected: Outcome;
  actual: Outcome | 'error';
  status: number;
  code?: string;
  detail?: string;
  request: HttpRequest;
}

/** What `principal` gets from an operation that needs `permission` (`public`: nothing). */
export function expectedOutcome(permission: string, principal: Principal): Outcome {
  if (permission === PUBLIC) return 'allowed';
  if (!principal.grants) return 'unauthenticated';
  return principal.grants[permission] ? 'allowed' : 'forbidden';
}

export function classify(response: HttpResponse): Outcome | 'error' {
  const code = (response.json as { code?: string } | undefined)?.code;
  if (response.status >= 500) return 'error';
  if (response.status === 401) return 'unauthenticated';
  if (response.status === 403 && code && GUARD_DENIALS.has(code)) return 'forbidden';
  return 'allowed';
}

/**
 * The probe request for a matrix cell: random UUIDs for path parameters (nothing real is touched;
 * a passing role sees 404), required query parameters from their examples or defaults, an empty
 * JSON object as body (a passing role sees 400) — the guard decides before any of it is read.
 */
export function probeRequest(op: ApiOperation): HttpRequest {
  const id = randomUUID();
  let url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const schema = op.parameters.find((p) => p.in === 'path' && p.name === name)?.schema;
    return schema?.format === 'uuid' || /(^id|Id)$/.test(name) ? id : 'matrix-probe';
  });
  const query = op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p): [string, string] => [p.name, String(p.schema.example ?? p.schema.default ?? (p.schema.type === 'integer' || p.schema.type === 'number' ? 1 : 'x'))]);
  if (query.length) url += `?${new URLSearchParams(query).toString()}`;
  const request: HttpRequest = { method: op.method, url, headers: {} };
  if (op.body) {
    request.body = '{}';
    request.headers['content-type'] = 'application/json';
  }
  if (['PATCH', 'PUT', 'DELETE'].includes(op.method)) request.headers['if-match'] = '"1"';
  return request;
}

export interface MatrixRow {
  operation: ApiOperation;
  /** The permission the reviewed table names (else the documented one, else none: closed to all). */
  permission: string | undefined;
  /** Why the operation has no reviewed permission to expect, or declares another one. */
  tableProblems: string[];
  cells: MatrixCell[];
}

/** Runs `op` as every principal, expecting what the reviewed table says; compare `expected` with `actual`. */
export async function runMatrixRow(baseUrl: string, op: ApiOperation, principals: Principal[], table: PermissionTable): Promise<MatrixRow> {
  const reviewed = tablePermission(op, table);
  const tableProblems = 'problem' in reviewed ? [reviewed.problem] : documentedPermission(op) === reviewed.permission ? [] : [disagreement(op, reviewed.permission)];
  const permission = 'permission' in reviewed ? reviewed.permission : documentedPermission(op);
  const template = probeRequest(op);
  const cells: MatrixCell[] = [];
  for (const principal of principals) {
    const expected = permission ? expectedOutcome(permission, principal) : 'forbidden';
    let request: HttpRequest = { ...template, headers: { ...template.headers, ...principal.headers() } };
    let response = await send(baseUrl, request);
    if (classify(response) === 'unauthenticated' && expected !== 'unauthenticated' && principal.renew) {
      await principal.renew();
      request = { ...template, headers: { ...template.headers, ...principal.headers() } };
      response = await send(baseUrl, request);
    }
    const { code, detail } = (response.json ?? {}) as { code?: string; detail?: string };
    cells.push({ principal: principal.name, expected, actual: classify(response), status: response.status, code, detail, request });
  }
  return { operation: op, permission, tableProblems, cells };
}

/** Operations that declare no access, disagreements with the reviewed table, and the cells where the API disagrees with it. */
export function matrixMismatches({ operation: op, permission, tableProblems, cells }: MatrixRow): string[] {
  const problems: string[] = [];
  if (!op.isPublic && !op.permission) {
    problems.push(`${op.id} (${op.method} ${op.path}) declares neither @Public() nor a permission (x-permission): add @RequirePermission('<ctx>.<resource>:<action>')`);
  }
  problems.push(...tableProblems);
  for (const cell of cells) {
    if (cell.actual === cell.expected) continue;
    problems.push(
      `${op.id} (${op.method} ${op.path}) as ${cell.principal}: expected ${cell.expected}${permission && permission !== PUBLIC ? ` (needs ${permission})` : ''}, ` +
        `got ${cell.status}${cell.code ? ` ${cell.code}` : ''}${cell.detail ? ` ("${cell.detail}")` : ''} → ${cell.actual}; request: ${cell.request.method} ${cell.request.url}`,
    );
  }
  return problems;
}

/** A compact table of a row: `admin:200 manager:403 …`. */
export function formatRow(cells: MatrixCell[]): string {
  return cells.map((c) => `${c.principal}:${c.status}`).join(' ');
}
