import { Column, is, SQL, Subquery } from 'drizzle-orm';

/** What drizzle's node-postgres prepared query keeps about its result columns (internal fields). */
interface SelectedField {
  path: string[];
  field: unknown;
}

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

interface PreparedQueryInternals {
  fields?: SelectedField[];
  customResultMapper?: (rows: unknown[][]) => unknown;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** The base column's decoder returns the driver's value as it is: no call needed for such columns. */
const identityDecoder = Column.prototype.mapFromDriverValue;

/**
 * Gives a prepared drizzle statement a result mapper compiled for its columns: one object literal
 * per row, each value decoded by its column as drizzle's own mapping does (`mapResultRow`), but
 * without walking the field list, its entity checks and the key-by-key object building for every
 * row (the leads list: 50 rows × 37 columns per request). Only flat selections are compiled
 * (every path one key long, so nothing to nullify); any other statement, a join's, keeps drizzle's
 * mapping. Returns whether it compiled one.
 */
export function compileRowMapper(statement: unknown): boolean {
  const query = statement as PreparedQueryInternals;
  const fields = query.fields;
  if (!fields || query.customResultMapper) return false;
  // Flat paths only: drizzle nullifies a joined table's object only for two-key paths, so its
  // joinsNotNullableMap (also set for a plain select) changes nothing here.
  if (!fields.every(({ path }) => path.length === 1 && IDENTIFIER.test(path[0]))) return false;
  if (new Set(fields.map(({ path }) => path[0])).size !== fields.length) return false;
  const decoders = fields.map(({ field }) => decoderOf(field));
  if (decoders.some((decoder) => decoder === undefined)) return false;
  const values = fields.map(({ path }, index) => {
    const decoder = decoders[index]!;
    const raw = `row[${index}]`;
    const value = decoder.mapFromDriverValue === identityDecoder ? raw : `${raw} === null ? null : d[${index}].mapFromDriverValue(${raw})`;
    return `${JSON.stringify(path[0])}: ${value}`;
  });
  const mapRow = new Function('d', `return function mapRow(row) { return { ${values.join(', ')} }; };`)(decoders) as (row: unknown[]) => unknown;
  query.customResultMapper = (rows) => {
    const result = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) result[i] = mapRow(rows[i]);
    return result;
  };
  return true;
}

/** The decoder drizzle's `mapResultRow` uses for a selected field. */
function decoderOf(field: unknown): Decoder | undefined {
  if (is(field, Column)) return field as unknown as Decoder;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: { decoder: Decoder } } })._.sql.decoder;
  return (field as { sql?: { decoder?: Decoder } }).sql?.decoder;
}
