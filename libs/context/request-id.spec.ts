import type { IncomingMessage } from 'node:http';
import { genRequestId, resolveRequestId } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('resolveRequestId', () => {
  it.each(['abc', 'trace-1.2:3_x', 'a'.repeat(128)])('keeps an acceptable id %s', (id) => {
    expect(resolveRequestId(id)).toBe(id);
  });

  it.each([undefined, '', 'a'.repeat(129), 'has space', 'new\nline', 'id, id', '<script>', 'ümlaut'])(
    'replaces %j with a UUID',
    (header) => {
      expect(resolveRequestId(header)).toMatch(UUID);
    },
  );

  it('replaces an array (repeated header) with a UUID', () => {
    expect(resolveRequestId(['a', 'b'])).toMatch(UUID);
  });
});

describe('genRequestId', () => {
  it('writes the id it settles on back to the raw header', () => {
    const req = { headers: { 'x-request-id': 'bad id' } } as unknown as IncomingMessage;
    const id = genRequestId(req);
    expect(id).toMatch(UUID);
    expect(req.headers['x-request-id']).toBe(id);
  });
});
