import { auditHash, canonicalJson, GENESIS_HASH, HashedAuditContent } from './audit-hash';

const row: HashedAuditContent = {
  id: '0b7e6c0e-8d3a-4c55-9d6b-2f1f5c3c1a01',
  eventId: '5d0d2a57-3c1e-4b6e-8f4e-0c2b9a7d6e11',
  actorId: '11111111-1111-4111-8111-111111111111',
  action: 'auth.user.updated',
  entityType: 'user',
  entityId: '22222222-2222-4222-8222-222222222222',
  changes: { name: { before: 'Ada', after: 'Ada Lovelace' }, email: { before: 'a@x.de', after: 'b@x.de' } },
  requestId: 'req-1',
  clientIp: '127.0.0.1',
  occurredAt: new Date('2026-11-26T04:00:00.123Z'),
  recordedAt: new Date('2026-11-26T04:00:00.456Z'),
  prevHash: GENESIS_HASH,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text for the same value in any key order', () => {
    expect(canonicalJson({ x: 1, y: { p: 'q', r: 's' } })).toBe(canonicalJson({ y: { r: 's', p: 'q' }, x: 1 }));
  });

  it('writes dates as ISO strings, drops undefined members and escapes strings as JSON does', () => {
    expect(canonicalJson({ at: new Date('2026-01-01T00:00:00Z'), gone: undefined, s: 'ä"\n' })).toBe(
      '{"at":"2026-01-01T00:00:00.000Z","s":"ä\\"\\n"}',
    );
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
  });
});

describe('auditHash', () => {
  // The vector was computed independently: sha256 of 'renewa.audit_logs.v1\n' + Python's
  // json.dumps(content, sort_keys=True, separators=(',', ':'), ensure_ascii=False). A different value
  // means the format changed, which breaks the verification of every existing chain.
  it('is a stable sha256 over the canonical content', () => {
    expect(auditHash(row)).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(row)).toBe(auditHash({ ...row, changes: { email: row.changes!.email, name: row.changes!.name } }));
    expect(auditHash(row)).toBe('e702febd0dccda4f197470b0647a65c6a22139f1e48decbaa863824462e00cc1');
  });

  it.each<[string, Partial<HashedAuditContent>]>([
    ['the actor', { actorId: null }],
    ['the action', { action: 'auth.user.deactivated' }],
    ['a changed value', { changes: { name: { before: 'Ada', after: 'Eve' }, email: row.changes!.email } }],
    ['the time', { occurredAt: new Date('2026-11-26T04:00:00.124Z') }],
    ['the previous hash', { prevHash: 'f'.repeat(64) }],
    ['the ip', { clientIp: '10.0.0.1' }],
  ])('changes when %s changes', (_what, change) => {
    expect(auditHash({ ...row, ...change })).not.toBe(auditHash(row));
  });
});
