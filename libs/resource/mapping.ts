/** The entries of `values` that are not undefined (a PATCH: absent fields stay as they are). */
export function pickDefined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The listed fields of a row, for a created event's snapshot (the audit log shows them). */
export function snapshotOf<R extends object>(row: R, fields: readonly (keyof R)[]): Record<string, unknown> {
  return pick(row, fields) as Record<string, unknown>;
}

/** The listed fields of a row (response DTOs list theirs explicitly, so no column leaks by accident). */
export function pick<R extends object, K extends keyof R>(row: R, fields: readonly K[]): Pick<R, K> {
  return pickerOf(fields as readonly PropertyKey[])(row) as Pick<R, K>;
}

type Picker = (row: object) => Record<string, unknown>;

const AUDITED_FIELDS = ['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'deletedAt'] as const;
const pickersByArray = new WeakMap<readonly PropertyKey[], Picker>();
const pickersByKey = new Map<string, Picker>();
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A function returning the listed fields of a row as one object literal, made once per field list.
 * Response mappers run it for every row of every page: an object built key by key, or merged from
 * two spreads (`{ ...a, ...b }`), costs Node 20 a hundred times more per row (bench/api's profile).
 * Field names are code (a mapper's constant list); anything but an identifier is refused.
 */
function pickerOf(fields: readonly PropertyKey[]): Picker {
  let picker = pickersByArray.get(fields);
  if (picker) return picker;
  const key = fields.join(',');
  picker = pickersByKey.get(key);
  if (!picker) {
    const bad = fields.find((field) => typeof field !== 'string' || !IDENTIFIER.test(field));
    if (bad !== undefined) throw new Error(`pick: ${String(bad)} is not a field name`);
    const body = fields.map((field) => `${JSON.stringify(field)}: row[${JSON.stringify(field)}]`).join(', ');
    picker = new Function('row', `return { ${body} };`) as Picker;
    pickersByKey.set(key, picker);
  }
  pickersByArray.set(fields, picker);
  return picker;
}

/**
 * `AuditedResponseDto`'s fields and the listed ones in one object: what `{ ...auditedFields(row),
 * ...pick(row, fields) }` gives, at the cost of one object literal (the hot path of a list).
 */
export function auditedPick<R extends AuditedRow, K extends keyof R>(row: R, fields: readonly K[]): AuditedRow & Pick<R, K> {
  let all = withAudited.get(fields);
  if (!all) {
    all = [...AUDITED_FIELDS, ...(fields as readonly string[]).filter((field) => !(AUDITED_FIELDS as readonly string[]).includes(field))];
    withAudited.set(fields, all);
  }
  return pickerOf(all)(row) as AuditedRow & Pick<R, K>;
}

const withAudited = new WeakMap<readonly PropertyKey[], readonly string[]>();

/** The audit fields every resource row has (AuditedResponseDto's). */
interface AuditedRow {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  updatedBy: string | null;
  deletedAt: Date | null;
}
