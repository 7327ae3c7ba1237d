/** The entries of `values` that are not undefined (a PATCH: absent fields stay as they are). */
export function pickDefined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The listed fields of a row, for a created event's snapshot (the audit log shows them). */
export function snapshotOf<R extends object>(row: R, fields: readonly (keyof R)[]): Record<string, unknown> {
  return pick(row, fields) as Record<string, unknown>;
}

/**
 * The listed fields of a row (response DTOs list theirs explicitly, so no column leaks by
 * accident). A plain loop: it runs for every row of every page.
 */
export function pick<R extends object, K extends keyof R>(row: R, fields: readonly K[]): Pick<R, K> {
  const picked = {} as Pick<R, K>;
  for (let i = 0; i < fields.length; i++) picked[fields[i]] = row[fields[i]];
  return picked;
}
