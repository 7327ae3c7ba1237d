import { relative } from 'node:path';
import fc from 'fast-check';
import { BodyPayload, invalidBody, invalidQueryValue, MALFORMED_PATH_VALUES, validValue } from './arbitraries';
import { pathSchema, runAnchor } from './anchors';
import type { ApiOperation, Parameter } from './document';
import { FuzzCase, FuzzContext, sendCase } from './fuzz-context';
import { checkExchange, Exchange, formatExchange } from './http';

/**
 * Contract fuzzing of one operation: its anchor (the documented example, support/anchors.ts), then
 * `runs` requests generated from its schemas with a fixed seed (valid ones, and ones with a broken
 * body, query, path or precondition), sent as the session's user, each response checked by
 * `checkExchange`. Ids come from earlier responses (`IdPool`), so valid requests reach real
 * records, plus random and malformed ids.
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
  /** The anchor's exchanges (the documented example), shown when the operation never succeeds. */
  anchors: Exchange[];
}

// ------------------------------------------------------------------------------------------
// Order: state-changing operations late, so they do not starve the others

/**
 * Creates first (they fill the id pool), then reads, updates and actions, deletes last; public
 * operations (sign-in, refresh, logout) at the very end, since throttling and revoked sessions
 * must not affect the rest — logout last of all: it ends the sign-in whose refresh token the
 * refresh operation would use.
 */
export function fuzzOrder(op: ApiOperation): number {
  if (op.isPublic && op.method !== 'GET') return op.path.endsWith('/logout') ? 7 : 6;
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

  const known = (name: string) => ctx.ids.fieldCandidates(op, name);
  const validPath = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, validPathValue(ctx, op, p)]))) as fc.Arbitrary<Record<string, string>>;
  // Optional parameters in about a third of the requests each, so most valid requests stay valid
  // even when one parameter's schema cannot say everything (a cursor must come from a list).
  const validQuery = fc
    .tuple(
      ...queryParams.map((p) => {
        const pair = withKnown(queryValue(document, p), known(p.name)).map((v): [string, string] => [p.name, v]);
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
  const validBody = op.body ? validValue(document, op.body.schema, 0, known).map((json): BodyPayload => ({ json })) : fc.constant(undefined);

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

/** A known value in three of four cases (when there is one), else a generated one. */
function withKnown(generated: fc.Arbitrary<string>, known: string[]): fc.Arbitrary<string> {
  return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: generated }) : generated;
}

function validPathValue(ctx: FuzzContext, op: ApiOperation, p: Parameter): fc.Arbitrary<string> {
  return withKnown(validValue(ctx.document, pathSchema(p)).map(String), ctx.ids.pathCandidates(op, p.name));
}

function queryValue(document: FuzzContext['document'], p: Parameter): fc.Arbitrary<string> {
  return validValue(document, p.schema).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)));
}

// ------------------------------------------------------------------------------------------
// Execution

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * Sends `op`'s anchor (unless `prepareFuzzing` did) and `runs` generated requests, and checks each
 * response. Failures carry the exact request and response.
 */
export async function fuzzOperation(ctx: FuzzContext, op: ApiOperation, options: FuzzOptions): Promise<FuzzReport> {
  const anchors = ctx.anchors.get(op.id) ?? (await runAnchor(ctx, op));
  const seed = seedFor(options.seed, op);
  const cases = fc.sample(caseArbitrary(ctx, op), { seed, numRuns: options.runs });
  const report: FuzzReport = { operation: op, seed, requests: 0, elapsedMs: 0, statuses: {}, failures: [], anchors };
  const account = (exchange: Exchange) => {
    report.requests++;
    report.statuses[exchange.response.status] = (report.statuses[exchange.response.status] ?? 0) + 1;
    const problems = checkExchange(ctx.validator, op, exchange);
    if (problems.length) report.failures.push({ exchange, problems });
  };
  anchors.forEach(account);
  const started = Date.now();
  const opIndex = Math.abs(seed % 200) + 1;
  for (const [index, c] of cases.entries()) {
    // Each case from its own (trusted-proxy) client address, so per-ip throttles of sign-in do
    // not build up across cases and never reach the session's own sign-ins.
    const client = { 'x-forwarded-for': `10.${opIndex}.${Math.floor(index / 250)}.${(index % 250) + 1}` };
    const exchange = await sendCase(ctx, op, c, client);
    account(exchange);
    // No response (a hang, a dropped connection): the operation is broken; do not wait on it again.
    if (exchange.response.status === 0) break;
  }
  report.elapsedMs = Date.now() - started;
  return report;
}

/** Operations that cannot answer 2xx in a fuzz run, each with the reason why. */
export type NoSuccessAllowList = Readonly<Record<string, string>>;

/**
 * Why a report's operation breaks the rule "at least one 2xx per operation" (without one, its
 * response schema was never checked), or undefined. An allow-listed operation that does succeed
 * breaks it too: the list must only name what truly cannot succeed.
 */
export function successGap(report: FuzzReport, allowList: NoSuccessAllowList): string | undefined {
  const { operation: op } = report;
  const succeeded = Object.keys(report.statuses).some((status) => isSuccess(Number(status)));
  const reason = allowList[op.id];
  if (succeeded && reason !== undefined) {
    return `${op.id} (${op.method} ${op.path}) answered 2xx, but the allow-list says it never can ("${reason}"): remove it from the list.`;
  }
  if (succeeded || reason !== undefined) return undefined;
  const anchors = report.anchors.map((e) => formatExchange(e, [`${e.response.status}, no 2xx`]));
  return [
    `${op.id} (${op.method} ${op.path}) never answered 2xx in ${report.requests} requests, so its response schema was never checked.`,
    'Make its documented example succeed (an id field named after its resource, a fixture record in support/fuzz-fixtures.ts),',
    'or — only if it truly cannot succeed here — add it with the reason to the allow-list. Its documented example:',
    ...anchors,
  ].join('\n');
}

/** FUZZ_SEED and FUZZ_RUNS from the environment (a failure names them, to reproduce it). */
export function fuzzSettings(): FuzzOptions {
  return { seed: Number(process.env.FUZZ_SEED ?? 20261126), runs: Number(process.env.FUZZ_RUNS ?? 25) };
}

/**
 * Fuzzes `op` and returns the report with everything wrong in it: contract breaches and, when
 * `expectSuccess`, a missing 2xx (`successGap`). The test throws the problems as they are.
 */
export async function fuzzAndCheck(ctx: FuzzContext, op: ApiOperation, options: FuzzOptions & { allowList: NoSuccessAllowList; expectSuccess: boolean }): Promise<{ report: FuzzReport; problems: string[] }> {
  const report = await fuzzOperation(ctx, op, options);
  const gap = options.expectSuccess ? successGap(report, options.allowList) : undefined;
  const problems = [...(report.failures.length ? [formatReport(report)] : []), ...(gap ? [gap] : [])];
  // FUZZ_RUNS as set (a run may use a share of it), so the same command gives the same requests.
  if (problems.length) problems.push(`Reproduce: FUZZ_SEED=${options.seed} FUZZ_RUNS=${fuzzSettings().runs} npx jest ${relative(process.cwd(), expect.getState().testPath ?? 'test/contract/fuzz')}`);
  return { report, problems };
}

/** One line per operation: `createLead (332 ms): 201×3 400×20 422×4`. */
export function formatStatuses(reports: FuzzReport[]): string {
  return reports.map((r) => `${r.operation.id} (${r.elapsedMs} ms): ${Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ')}`).join('\n  ');
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
