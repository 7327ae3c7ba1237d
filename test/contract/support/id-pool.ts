import { ApiOperation, deref, OpenApiDocument } from './document';

/**
 * Ids (and a few other server-issued values) seen in 2xx responses, so generated requests can
 * reach real records: `id` path parameters of `/leads/{id}` take lead ids, body and query fields
 * named like a resource (`contactId`, `roleIds`) take ids of that resource. Deleted records are
 * kept apart (restores want them, everything else wants live ones). Lists are newest first.
 */

const KEEP = 25;

/** `/api/v1/departments/{id}` → `/api/v1/departments`; `/api/v1/departments` stays. */
export function collectionOf(path: string): string {
  return path.replace(/\/\{[^}]+\}$/, '');
}

/** A field or parameter that holds one id (`id`, `contactId`) or several (`roleIds`). */
export const isIdName = (name: string) => /(^id|Id|Ids)$/.test(name);

/** POST `<collection>/{id}/restore`: the recipe's undo of a soft delete; it wants deleted records. */
export const isRestore = (op: ApiOperation) => op.method === 'POST' && /\/\{[^}]+\}\/restore$/.test(op.path);

/**
 * Field names whose target is not named after it. Ownership fields point at users; `parentId` and
 * `duplicateId` at the resource the operation itself acts on (a department's parent, the contact
 * merged into another).
 */
const ALIASES: Record<string, string | 'self'> = { owner: 'users', assignee: 'users', actor: 'users', parent: 'self', duplicate: 'self' };

const plural = (stem: string) => (stem.endsWith('y') ? `${stem.slice(0, -1)}ies` : `${stem}s`);

export class IdPool {
  private readonly live = new Map<string, string[]>();
  private readonly deleted = new Map<string, string[]>();
  private readonly values = new Map<string, string[]>();
  private readonly protectedIds = new Set<string>();
  /** Collection paths of the document (`/api/v1/leads`, `/api/v1/users/{id}/roles`). */
  private readonly collections: string[];
  /**
   * Names of non-id values worth remembering: path parameters such as a dead letter's
   * `eventId`/`subscriber`, and tokens (`refreshToken`) that only the server issues.
   */
  private readonly valueNames = new Set<string>();

  constructor(document: OpenApiDocument) {
    const collections = new Set<string>();
    for (const [path, item] of Object.entries(document.paths)) {
      collections.add(collectionOf(path));
      for (const [, name] of path.matchAll(/\{([^}]+)\}/g)) if (name !== 'id') this.valueNames.add(name);
      for (const op of Object.values<any>(item)) {
        for (const media of Object.values<any>(op?.requestBody?.content ?? {})) {
          const schema = deref(document, media.schema ?? {});
          for (const name of Object.keys(schema.properties ?? {})) if (/Token$/.test(name)) this.valueNames.add(name);
        }
      }
    }
    this.collections = [...collections];
  }

  /** Never hand this id to a state-changing request (the session's own user: no self-lockout). */
  protect(id: string | undefined): void {
    if (id) this.protectedIds.add(id);
  }

  /** Remembers the ids of a 2xx body (`id`, `items[].id`, or a plain array's `[].id`) under the operation's collection, and named values. */
  harvest(op: ApiOperation, body: unknown): void {
    const records = Array.isArray(body) ? body.filter(isRecord) : isRecord(body) ? [body, ...(Array.isArray(body.items) ? body.items.filter(isRecord) : [])] : [];
    for (const record of records) {
      if (typeof record.id === 'string' && record.id.length <= 100) this.addLive(collectionOf(op.path), record.id);
      for (const name of this.valueNames) {
        const value = record[name];
        if (typeof value === 'string' && value.length <= 500) push(this.values, name, value);
      }
    }
  }

  addLive(collection: string, id: string): void {
    remove(this.deleted, collection, id);
    push(this.live, collection, id);
  }

  /** A DELETE of `id` succeeded: restores may now use it, other operations should not. */
  markDeleted(collection: string, id: string): void {
    remove(this.live, collection, id);
    push(this.deleted, collection, id);
  }

  /**
   * Candidates for path parameter `name` of `op`, newest first: `id` (or a parameter directly
   * after a collection) takes that collection's ids — deleted ones for a restore —, another
   * parameter the ids of the resource it is named after, or the values seen under its name.
   */
  pathCandidates(op: ApiOperation, name: string): string[] {
    const writes = op.method !== 'GET';
    const collection = op.path.slice(0, op.path.indexOf(`{${name}}`)).replace(/\/$/, '');
    const own = (isRestore(op) ? this.deleted : this.live).get(collection);
    if (own?.length) return this.usable(own, writes);
    const target = this.resourceOf(name, op);
    if (target) return this.usable(this.live.get(target) ?? [], writes);
    return [...(this.values.get(name) ?? [])].reverse();
  }

  /** Ids for a body or query field (`contactId`, `roleIds`, `refreshToken`), newest first; empty when none are known. */
  fieldCandidates(op: ApiOperation, name: string): string[] {
    const writes = op.method !== 'GET';
    if (isIdName(name)) {
      const target = this.resourceOf(name, op);
      if (target) return this.usable(this.live.get(target) ?? [], writes);
    }
    return [...(this.values.get(name) ?? [])].reverse();
  }

  /** The collection a field name refers to (`companyId` → `/api/v1/companies`), if any is known. */
  resourceOf(name: string, op: ApiOperation): string | undefined {
    const stem = name.replace(/Ids?$/, '');
    if (!stem || stem === name) return undefined;
    const alias = ALIASES[stem];
    if (alias === 'self') return collectionOf(op.path.replace(/\/\{id\}.*$/, ''));
    const segment = alias ?? plural(stem.toLowerCase());
    // Top-level collections first (`/roles` before `/users/{id}/roles`).
    const matches = this.collections.filter((c) => c.split('/').pop()?.toLowerCase() === segment).sort((a, b) => a.split('{').length - b.split('{').length);
    return matches[0];
  }

  /** Whether a field names who owns a record or which department it is in (`ownerId`, `assigneeId`, `departmentId`). */
  isOwnershipField(name: string, op: ApiOperation): boolean {
    return /\/(users|departments)$/.test(this.resourceOf(name, op) ?? '');
  }

  private usable(ids: string[], writes: boolean): string[] {
    return [...ids].reverse().filter((id) => !writes || !this.protectedIds.has(id));
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = (map.get(key) ?? []).filter((v) => v !== value);
  list.push(value);
  map.set(key, list.slice(-KEEP));
}

function remove(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) map.set(key, list.filter((v) => v !== value));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
