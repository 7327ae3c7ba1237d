import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** A JSON Schema (draft 2020-12 subset: what TypeScript payload types need). */
export type JsonSchema = Record<string, unknown>;

export interface EventPayloadSchema {
  /** The JSDoc of the event's declaration in its `<ctx>.events.ts`, if any. */
  description?: string;
  payload: JsonSchema;
}

const MAX_DEPTH = 12;

/** Every `src/modules/<ctx>/<ctx>.events.ts` (and any other `*.events.ts` directly in a context folder). */
export function eventFiles(root: string): string[] {
  const modules = join(root, 'src', 'modules');
  return readdirSync(modules, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) =>
      readdirSync(join(modules, entry.name))
        .filter((file) => file.endsWith('.events.ts'))
        .map((file) => join(modules, entry.name, file)),
    )
    .sort();
}

/**
 * The payload schema of every event declared with `defineEvents` in the given files, by event
 * type, read with the TypeScript compiler's type checker: each declaration's call signature
 * `(aggregateId, payload: P)` gives P, whatever generics, intersections and spreads built it.
 */
export function generatePayloadSchemas(root: string, files = eventFiles(root)): Record<string, EventPayloadSchema> {
  const configFile = ts.readConfigFile(join(root, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const result: Record<string, EventPayloadSchema> = {};
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not part of the program`);
    for (const declaration of defineEventsDeclarations(source)) {
      const declared = checker.getTypeAtLocation(declaration.name);
      for (const aggregate of declared.getProperties()) {
        const events = checker.getTypeOfSymbolAtLocation(aggregate, declaration);
        for (const event of events.getProperties()) {
          const eventType = checker.getTypeOfSymbolAtLocation(event, declaration);
          const typeName = checker.getTypeOfSymbolAtLocation(eventType.getProperty('type') as ts.Symbol, declaration);
          const signature = eventType.getCallSignatures()[0];
          if (!typeName.isStringLiteral() || !signature) throw new Error(`${file}: ${aggregate.name}.${event.name} is not an event definition`);
          const payload = checker.getTypeOfSymbolAtLocation(signature.parameters[1], declaration);
          const description = eventDocumentation(declaration, aggregate.name, event.name);
          result[typeName.value] = { ...(description && { description }), payload: toSchema(checker, payload, declaration, 0) };
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function defineEventsDeclarations(source: ts.SourceFile): ts.VariableDeclaration[] {
  const found: ts.VariableDeclaration[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'defineEvents') found.push(declaration);
    }
  }
  return found;
}

/** The JSDoc above `eventName:` inside `aggregate: { … }` of the defineEvents call, if written there. */
function eventDocumentation(declaration: ts.VariableDeclaration, aggregate: string, eventName: string): string | undefined {
  const call = declaration.initializer as ts.CallExpression;
  const declarations = call.arguments[1];
  if (!declarations || !ts.isObjectLiteralExpression(declarations)) return undefined;
  const group = declarations.properties.find((p) => propertyName(p) === aggregate);
  if (!group || !ts.isPropertyAssignment(group) || !ts.isObjectLiteralExpression(group.initializer)) return undefined;
  const property = group.initializer.properties.find((p) => propertyName(p) === eventName);
  const docs = property ? ts.getJSDocCommentsAndTags(property).filter(ts.isJSDoc) : [];
  const text = docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join('\n').trim();
  return text || undefined;
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  return property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
}

function documentation(checker: ts.TypeChecker, symbol: ts.Symbol): string | undefined {
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  return text || undefined;
}

/** JSON Schema of a payload type as JSON carries it (Dates are ISO strings, undefined members are absent). */
function toSchema(checker: ts.TypeChecker, type: ts.Type, at: ts.Node, depth: number): JsonSchema {
  if (depth > MAX_DEPTH) return {};
  const flags = type.getFlags();
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
  if (flags & ts.TypeFlags.Never) return { not: {} };
  if (flags & ts.TypeFlags.StringLiteral) return { type: 'string', const: (type as ts.StringLiteralType).value };
  if (flags & ts.TypeFlags.NumberLiteral) return { type: 'number', const: (type as ts.NumberLiteralType).value };
  if (flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', const: checker.typeToString(type) === 'true' };
  if (flags & ts.TypeFlags.String) return { type: 'string' };
  if (flags & ts.TypeFlags.Number) return { type: 'number' };
  if (flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
  if (flags & ts.TypeFlags.Null) return { type: 'null' };
  if (type.isUnion()) return unionSchema(checker, type, at, depth);
  if (checker.isArrayType(type)) {
    const [item] = checker.getTypeArguments(type as ts.TypeReference);
    return { type: 'array', items: toSchema(checker, item, at, depth + 1) };
  }
  if (checker.isTupleType(type)) {
    const items = checker.getTypeArguments(type as ts.TypeReference).map((t) => toSchema(checker, t, at, depth + 1));
    return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
  }
  if (type.getSymbol()?.getName() === 'Date') return { type: 'string', format: 'date-time' };
  return objectSchema(checker, type, at, depth);
}

function unionSchema(checker: ts.TypeChecker, union: ts.UnionType, at: ts.Node, depth: number): JsonSchema {
  const members = union.types.filter((t) => !(t.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
  // `boolean` is the union true | false.
  const booleans = members.filter((t) => t.getFlags() & ts.TypeFlags.BooleanLiteral);
  const rest = booleans.length === 2 ? members.filter((t) => !booleans.includes(t)) : members;
  const schemas = [...(booleans.length === 2 ? [{ type: 'boolean' }] : []), ...rest.map((t) => toSchema(checker, t, at, depth + 1))];
  if (schemas.length === 1) return schemas[0];
  const nullable = schemas.some((s) => s.type === 'null' && Object.keys(s).length === 1);
  const others = schemas.filter((s) => !(s.type === 'null' && Object.keys(s).length === 1));
  if (others.every((s) => s.type === 'string' && 'const' in s && Object.keys(s).length === 2)) {
    return { type: nullable ? ['string', 'null'] : 'string', enum: [...others.map((s) => s.const), ...(nullable ? [null] : [])] };
  }
  if (others.length === 1 && typeof others[0].type === 'string' && Object.keys(others[0]).length === 1) return { type: [others[0].type, 'null'] };
  return { anyOf: schemas };
}

function objectSchema(checker: ts.TypeChecker, type: ts.Type, at: ts.Node, depth: number): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const propertyType = checker.getTypeOfSymbolAtLocation(property, at);
    if (propertyType.getCallSignatures().length > 0) continue;
    const description = documentation(checker, property);
    properties[property.name] = { ...toSchema(checker, propertyType, at, depth + 1), ...(description && { description }) };
    if (!(property.getFlags() & ts.SymbolFlags.Optional)) required.push(property.name);
  }
  const schema: JsonSchema = { type: 'object' };
  if (Object.keys(properties).length > 0) schema.properties = properties;
  if (required.length > 0) schema.required = required;
  const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
  if (index) schema.additionalProperties = index.type.getFlags() & ts.TypeFlags.Never ? false : toSchema(checker, index.type, at, depth + 1);
  return schema;
}
