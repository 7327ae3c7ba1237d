import { readFileSync } from 'node:fs';
import { REQUEST_EXAMPLES } from '../../src/openapi-request-examples';
import { COMMITTED_DOCUMENT } from './support/paths';

interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, { example?: unknown }> };
}

/**
 * Swagger UI shows every JSON request body with a whole, realistic example
 * (src/openapi-request-examples.ts); the OpenAPI lint checks each against its schema. A new
 * operation with a body adds its example there; a renamed one moves it.
 */
describe('request body examples', () => {
  const document = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
  const withJsonBody = operations.filter((op) => op.requestBody?.content['application/json']);

  it('every JSON request body has one', () => {
    expect(withJsonBody.length).toBeGreaterThan(40);
    expect(withJsonBody.filter((op) => op.requestBody!.content['application/json'].example === undefined).map((op) => op.operationId)).toEqual([]);
  });

  it('names only operations that exist', () => {
    const ids = new Set(withJsonBody.map((op) => op.operationId));
    expect(Object.keys(REQUEST_EXAMPLES).filter((id) => !ids.has(id))).toEqual([]);
  });
});
