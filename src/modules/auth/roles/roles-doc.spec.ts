import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRolesAndPermissionsDoc } from './roles-doc';

const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'roles-and-permissions.md');

describe('docs/roles-and-permissions.md', () => {
  it('matches the permission catalogue and the standard-role matrix (UPDATE_DOCS=1 rewrites it)', () => {
    const expected = renderRolesAndPermissionsDoc();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    const actual = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    expect(actual).toBe(expected);
  });
});
