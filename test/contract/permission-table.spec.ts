import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ApiOperation, listOperations, loadCommittedDocument } from './support/document';
import { parsePermissionTable, PERMISSION_TABLE, permissionTableProblems, REGENERATE, renderPermissionTable } from './support/permission-table';

/**
 * docs/api-permissions.md, the reviewed table of operation → permission, lists every operation of
 * the committed document with the permission its decorator declares. `UPDATE_DOCS=1` rewrites it
 * from the document; the diff is what a reviewer checks. The authorization matrix tests the
 * running app against the same table.
 */
const operations = listOperations(loadCommittedDocument());

describe('docs/api-permissions.md', () => {
  it(`names every operation with the permission it is guarded by (${REGENERATE} rewrites it)`, () => {
    const expected = renderPermissionTable(operations);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(PERMISSION_TABLE, expected);
    const actual = existsSync(PERMISSION_TABLE) ? readFileSync(PERMISSION_TABLE, 'utf8') : '';
    expect(permissionTableProblems(operations, parsePermissionTable(actual))).toEqual([]);
    expect(actual).toBe(expected);
  });

  describe('catches a table that disagrees with the routes', () => {
    const op = (id: string, permission: string | undefined, extra: Partial<ApiOperation> = {}): ApiOperation => ({
      id,
      method: 'GET',
      path: `/api/v1/${id}`,
      tags: [],
      parameters: [],
      responses: {},
      permission,
      isPublic: false,
      ...extra,
    });
    const table = parsePermissionTable(renderPermissionTable([op('things', 'x.things:read'), op('open', undefined, { isPublic: true }), op('gone', 'x.gone:read')]));

    it('reads back what it renders', () => {
      expect([...table.values()].map((r) => [r.operationId, r.route, r.permission])).toEqual([
        ['things', 'GET /api/v1/things', 'x.things:read'],
        ['open', 'GET /api/v1/open', 'public'],
        ['gone', 'GET /api/v1/gone', 'x.gone:read'],
      ]);
    });

    it('flags a route guarded by another permission than the table says, a new route, a moved one and a removed one', () => {
      const problems = permissionTableProblems([op('things', 'x.things:delete'), op('open', undefined, { isPublic: true, path: '/api/v1/elsewhere' }), op('fresh', 'x.fresh:read')], table);
      expect(problems).toEqual([
        expect.stringMatching(/^things \(GET \/api\/v1\/things\) is guarded by x\.things:delete, but the reviewed permission table says x\.things:read\. .*UPDATE_DOCS=1 npx jest permission-table/),
        expect.stringMatching(/^open \(GET \/api\/v1\/elsewhere\): the reviewed permission table has it as GET \/api\/v1\/open/),
        expect.stringMatching(/^fresh \(GET \/api\/v1\/fresh\) is not in the reviewed permission table docs\/api-permissions\.md: decide which permission it needs, then run `UPDATE_DOCS=1 npx jest permission-table`/),
        expect.stringMatching(/^gone \(GET \/api\/v1\/gone\) is in docs\/api-permissions\.md but not in the API any more/),
      ]);
    });
  });
});
