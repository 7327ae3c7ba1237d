/** A JSON Schema of an event payload, as generated from its TypeScript type. */
export type PayloadJsonSchema = Record<string, unknown>;

export type EventPayloadSchemas = Record<string, { description?: string; payload: PayloadJsonSchema }>;
