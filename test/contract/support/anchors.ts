import { flatten, schemaType } from './arbitraries';
import type { ApiOperation, Parameter, Schema } from './document';
import { exampleValue, ReferenceFiller } from './examples';
import { FuzzCase, FuzzContext, sendCase } from './fuzz-context';
import type { Exchange } from './http';
import { collectionOf, isIdName, isRestore } from './id-pool';

/**
 * Anchors: before the generated requests, every operation gets its documented example — the
 * request a client would copy from the document (required fields from their examples, ids of real
 * records) — so that each operation has a request that should succeed, whatever FUZZ_SEED draws.
 * `prepareFuzzing` sends them in an order that makes that possible: lists first, then one record
 * per resource (creates in dependency order), then the fixtures, one deleted record for each
 * restore, and every other operation in fuzz order (a delete on a record created for it). Their
 * exchanges count as part of each operation's report (checked like any other) and fill the id
 * pool the generated requests use. Sent before any generated request, they see the seeded state
 * unchanged, so whether each operation succeeds does not depend on FUZZ_SEED.
 */

/** Path candidates tried per anchor until one answers 2xx (a record in the wrong state answers 409). */
const MAX_ATTEMPTS = 6;
const CLIENT = (attempt: number) => ({ 'x-forwarded-for': `10.250.${Math.floor(attempt / 250)}.${(attempt % 250) + 1}` });

export interface FuzzFixtures {
  /** Runs before anything is read: state no operation can create, written behind the API's back. */
  before?: () => Promise<void>;
  /** Further records, each a create operation's example with these fields on top (a state the bare example does not reach). */
  records?: { operationId: string; body: Record<string, unknown> }[];
  /** Like `records`, sent after the deleted records for the restores (whose creates take the newest ids). */
  lateRecords?: { operationId: string; body: Record<string, unknown> }[];
}

/** Path parameters named like ids are UUIDs, whether or not the document says `format: uuid`. */
export function pathSchema(p: Parameter): Schema {
  return isIdName(p.name) && !p.schema.format && !p.schema.pattern ? { ...p.schema, format: 'uuid' } : p.schema;
}

/** A create: POST to a collection whose records are read at `<collection>/{id}`. */
export function isCreate(op: ApiOperation, operations: ApiOperation[]): boolean {
  return op.method === 'POST' && !op.isPublic && !op.path.includes('{') && operations.some((o) => o.method === 'GET' && o.path === `${op.path}/{id}`);
}

/**
 * Fills id fields with real ids in the example body (each id once per request), and tokens with
 * issued ones. A required id field with no id left to use names its collection in `missing`.
 */
function referenceFiller(ctx: FuzzContext, op: ApiOperation, used: Set<string>, missing: Set<string>): ReferenceFiller {
  return (name, schema, required) => {
    // Ownership (owner, assignee, department) is left to its default — the creator and their
    // department —, which fits every scope; the generated requests try other values.
    if (!required && ctx.ids.isOwnershipField(name, op)) return undefined;
    const free = ctx.ids.fieldCandidates(op, name).filter((v) => !used.has(v));
    if (!free.length) {
      const collection = required && isIdName(name) ? ctx.ids.resourceOf(name, op) : undefined;
      if (collection) missing.add(collection);
      return undefined;
    }
    used.add(free[0]);
    return schemaType(schema) === 'array' ? [free[0]] : free[0];
  };
}

/**
 * The documented example of `op` with the `attempt`-th candidate for each path parameter;
 * `variant` > 0 for a further record from the same example (distinct unique fields). `missing`:
 * collections a required id field found no (further) record in.
 */
export function exampleCase(ctx: FuzzContext, op: ApiOperation, attempt = 0, variant = 0): { example: FuzzCase; missing: string[] } {
  const path: Record<string, string> = {};
  for (const p of op.parameters.filter((q) => q.in === 'path')) {
    const candidates = ctx.ids.pathCandidates(op, p.name);
    path[p.name] = candidates.length ? candidates[attempt % candidates.length] : String(exampleValue(ctx.document, pathSchema(p)));
  }
  const used = new Set(Object.values(path));
  const missing = new Set<string>();
  const fill = referenceFiller(ctx, op, used, missing);
  const query = op.parameters.filter((p) => p.in === 'query' && p.required).map((p): [string, string] => [p.name, String(fill(p.name, p.schema, true) ?? exampleValue(ctx.document, p.schema))]);
  const fixture = ctx.exampleBodies?.[op.id];
  const body = fixture ? fixture(ctx) : op.body && op.body.mediaType.includes('json') ? { json: exampleValue(ctx.document, op.body.schema, { reference: fill, variant }) } : undefined;
  return { example: { label: 'documented example', path, query, headers: {}, body, precondition: 'current' }, missing: [...missing] };
}

/** Sends `op`'s example, trying further path candidates while it is refused; records the exchanges. */
export async function runAnchor(ctx: FuzzContext, op: ApiOperation, extraBody: Record<string, unknown> = {}): Promise<Exchange[]> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const attempts = Math.min(MAX_ATTEMPTS, Math.max(1, ...pathParams.map((p) => ctx.ids.pathCandidates(op, p.name).length)));
  const exchanges: Exchange[] = [];
  const variant = ctx.anchors.get(op.id)?.length ?? 0;
  for (let attempt = 0; attempt < attempts; attempt++) {
    let { example: c, missing } = exampleCase(ctx, op, attempt, variant);
    // A further record where the example needs one more than exist (merging a contact needs two).
    if (missing.length) {
      for (const collection of missing) {
        const create = ctx.operations.find((o) => o.path === collection && isCreate(o, ctx.operations));
        if (create && create !== op) await runAnchor(ctx, create);
      }
      ({ example: c } = exampleCase(ctx, op, attempt, variant));
    }
    if (Object.keys(extraBody).length && c.body && 'json' in c.body) c.body = { json: { ...(c.body.json as object), ...extraBody } };
    const exchange = await sendCase(ctx, op, c, CLIENT(exchanges.length));
    exchanges.push(exchange);
    if (exchange.response.status >= 200 && exchange.response.status < 300) break;
  }
  ctx.anchors.set(op.id, [...(ctx.anchors.get(op.id) ?? []), ...exchanges]);
  return exchanges;
}

/** Creates ordered so that the resources a create refers to (`contactId` → contacts) exist before it. */
export function createsInDependencyOrder(ctx: FuzzContext): ApiOperation[] {
  const creates = ctx.operations.filter((op) => isCreate(op, ctx.operations));
  const needs = (op: ApiOperation): string[] => {
    const properties = Object.keys(op.body ? (flatten(ctx.document, op.body.schema).properties ?? {}) : {});
    return properties
      .filter(isIdName)
      .map((name) => ctx.ids.resourceOf(name, op))
      .filter((c): c is string => c !== undefined && c !== op.path);
  };
  const ordered: ApiOperation[] = [];
  const visit = (op: ApiOperation, trail: Set<string>) => {
    if (ordered.includes(op) || trail.has(op.id)) return;
    trail.add(op.id);
    for (const collection of needs(op)) {
      const dependency = creates.find((c) => c.path === collection);
      if (dependency) visit(dependency, trail);
    }
    ordered.push(op);
  };
  for (const op of creates) visit(op, new Set());
  return ordered;
}

/** Sends every operation's anchor, seeding the id pool on the way (see the comment at the top). */
export async function prepareFuzzing(ctx: FuzzContext, fixtures: FuzzFixtures = {}): Promise<void> {
  await fixtures.before?.();
  const { operations } = ctx;
  // What exists before anything is created: the seeded departments, roles, users, …
  for (const op of operations.filter((o) => o.method === 'GET' && !o.path.includes('{'))) await runAnchor(ctx, op);
  // One record per resource.
  for (const op of createsInDependencyOrder(ctx)) await runAnchor(ctx, op);
  await sendFixtureRecords(ctx, fixtures.records);
  // One deleted record for each restore: a second example record, deleted with its ETag.
  for (const restore of operations.filter(isRestore)) {
    const remove = operations.find((o) => o.method === 'DELETE' && o.path === restore.path.replace(/\/restore$/, ''));
    if (remove) await deleteFreshRecord(ctx, remove);
  }
  await sendFixtureRecords(ctx, fixtures.lateRecords);
  for (const op of operations) {
    if (ctx.anchors.has(op.id)) continue;
    if (op.method === 'DELETE') await deleteFreshRecord(ctx, op);
    else await runAnchor(ctx, op);
  }
}

async function sendFixtureRecords(ctx: FuzzContext, records: FuzzFixtures['records'] = []): Promise<void> {
  for (const record of records) {
    const op = ctx.operations.find((o) => o.id === record.operationId);
    if (!op) throw new Error(`fixture record for ${record.operationId}: no such operation in the document`);
    await runAnchor(ctx, op, record.body);
  }
}

/**
 * A delete's anchor takes a record made for it — a fresh example record nothing refers to yet
 * (a role another example assigned to a user cannot be deleted) — or, where there is no create,
 * the newest record.
 */
async function deleteFreshRecord(ctx: FuzzContext, remove: ApiOperation): Promise<void> {
  const collection = collectionOf(remove.path);
  const create = ctx.operations.find((o) => o.path === collection && isCreate(o, ctx.operations));
  const created = create ? await runAnchor(ctx, create) : [];
  if (!create || created.some((e) => e.response.status >= 200 && e.response.status < 300)) await runAnchor(ctx, remove);
}
