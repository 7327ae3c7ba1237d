import type { Condition, JsonScalar, TriggerEvent } from './workflow-definition';

/** The value at a dot path of the event (`payload.changes.status.after`), or undefined. */
export function valueAt(event: TriggerEvent, path: string): unknown {
  let current: unknown = event;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Whether every condition holds for the event (an empty list always holds). Pure: no I/O, no code. */
export function conditionsHold(conditions: readonly Condition[], event: TriggerEvent): boolean {
  return conditions.every((condition) => holds(condition, valueAt(event, condition.path)));
}

/** Which conditions failed, for test mode's explanation. */
export function failedConditions(conditions: readonly Condition[], event: TriggerEvent): Condition[] {
  return conditions.filter((condition) => !holds(condition, valueAt(event, condition.path)));
}

function holds({ op, value }: Condition, actual: unknown): boolean {
  switch (op) {
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'notExists':
      return actual === undefined || actual === null;
    case 'eq':
      return equal(actual, value);
    case 'ne':
      return !equal(actual, value);
    case 'in':
      return Array.isArray(value) && value.some((candidate) => equal(actual, candidate));
    case 'notIn':
      return Array.isArray(value) && !value.some((candidate) => equal(actual, candidate));
    case 'gt':
      return compare(actual, value) > 0;
    case 'gte':
      return compare(actual, value) >= 0;
    case 'lt':
      return compare(actual, value) < 0;
    case 'lte':
      return compare(actual, value) <= 0;
    case 'contains':
      if (Array.isArray(actual)) return actual.some((item) => equal(item, value));
      return typeof actual === 'string' && typeof value === 'string' && actual.toLowerCase().includes(value.toLowerCase());
    case 'startsWith':
      return typeof actual === 'string' && typeof value === 'string' && actual.toLowerCase().startsWith(value.toLowerCase());
  }
}

function equal(actual: unknown, expected: unknown): boolean {
  if (actual === undefined) return expected === null;
  return actual === expected;
}

/** Numbers compare as numbers, strings (ISO dates included) lexically; anything else never compares (NaN). */
function compare(actual: unknown, expected: JsonScalar | JsonScalar[] | undefined): number {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual === 'string' && typeof expected === 'string') return actual < expected ? -1 : actual > expected ? 1 : 0;
  return Number.NaN;
}
