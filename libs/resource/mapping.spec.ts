import { auditedFields } from './audited-response.dto';
import { auditedPick, pick, snapshotOf } from './mapping';

const row = {
  id: '0b6d3c0e-5a43-4a4f-9d5c-5c4f2e6d1a10',
  version: 3,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-02T00:00:00Z'),
  createdBy: null,
  updatedBy: 'u',
  deletedAt: null,
  name: 'Nord',
  secret: 'never answered',
  note: undefined as string | undefined,
};

describe('pick', () => {
  it('returns exactly the listed fields, in their order, absent ones included', () => {
    const picked = pick(row, ['note', 'name']);
    expect(Object.keys(picked)).toEqual(['note', 'name']);
    expect(picked).toEqual({ name: 'Nord', note: undefined });
    expect(pick(row, [...['name']] as 'name'[])).toEqual({ name: 'Nord' });
  });

  it('refuses a field list that is not identifiers', () => {
    expect(() => pick(row as Record<string, unknown>, ['name', 'x"]; process.exit(1); //'])).toThrow(/not a field name/);
  });

  it('gives the same snapshot as before', () => {
    expect(snapshotOf(row, ['name', 'version'])).toEqual({ name: 'Nord', version: 3 });
  });
});

describe('auditedPick', () => {
  it('equals the spread of auditedFields and pick, and nothing more', () => {
    const fields = ['name', 'version'] as const;
    expect(auditedPick(row, fields)).toEqual({ ...auditedFields(row), ...pick(row, fields) });
    expect(auditedPick(row, fields)).not.toHaveProperty('secret');
  });
});
