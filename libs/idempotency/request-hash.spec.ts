import { canonicalJson, IDEMPOTENCY_KEY_PATTERN, requestHash } from './request-hash';

describe('idempotency request hash', () => {
  it('ignores key order but not values, route or method', () => {
    const a = requestHash('POST', '/api/v1/leads', { source: 'phone', lastName: 'A', nested: { x: 1, y: [2, 3] } });
    expect(requestHash('post', '/api/v1/leads', { nested: { y: [2, 3], x: 1 }, lastName: 'A', source: 'phone' })).toBe(a);
    expect(requestHash('POST', '/api/v1/leads', { source: 'phone', lastName: 'B', nested: { x: 1, y: [2, 3] } })).not.toBe(a);
    expect(requestHash('POST', '/api/v1/contacts', { source: 'phone', lastName: 'A', nested: { x: 1, y: [2, 3] } })).not.toBe(a);
    expect(requestHash('POST', '/api/v1/leads', { source: 'phone', lastName: 'A', nested: { x: 1, y: [3, 2] } })).not.toBe(a);
  });

  it('canonicalises nested objects and empty bodies', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('accepts printable keys up to 255 characters', () => {
    expect(IDEMPOTENCY_KEY_PATTERN.test('0b6d3c0e-5a43-4a4f-9d5c-5c4f2e6d1a10')).toBe(true);
    expect(IDEMPOTENCY_KEY_PATTERN.test('with space')).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('x'.repeat(256))).toBe(false);
    expect(IDEMPOTENCY_KEY_PATTERN.test('')).toBe(false);
  });
});
