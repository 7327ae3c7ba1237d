import { AppError } from './app-error';
import { formatEtag, parseIfMatch } from './etag';

const ID = '0b6d3c0e-5a43-4a4f-9d5c-5c4f2e6d1a10';

function problem(fn: () => unknown): { status: number; code: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { status: error.getStatus(), code: error.code };
    throw error;
  }
  throw new Error('expected a problem');
}

describe('ETag and If-Match', () => {
  it('formats a strong ETag of id and version and reads it back', () => {
    expect(formatEtag(ID, 3)).toBe(`"${ID}:3"`);
    expect(parseIfMatch(formatEtag(ID, 3), ID)).toBe(3);
    expect(parseIfMatch(` W/"${ID.toUpperCase()}:12" `, ID)).toBe(12);
  });

  it.each([[undefined], [''], ['   ']])('without If-Match (%p): 428 PRECONDITION_REQUIRED', (header) => {
    expect(problem(() => parseIfMatch(header, ID))).toEqual({ status: 428, code: 'PRECONDITION_REQUIRED' });
  });

  it.each([
    ['another resource', `"${'1'.repeat(8)}-5a43-4a4f-9d5c-5c4f2e6d1a10:3"`],
    ['a bare version', '"3"'],
    ['a wildcard', '*'],
    ['a list', `"${ID}:3", "${ID}:4"`],
    ['garbage', 'yes please'],
  ])('%s: 412 PRECONDITION_FAILED', (_case, header) => {
    expect(problem(() => parseIfMatch(header, ID))).toEqual({ status: 412, code: 'PRECONDITION_FAILED' });
  });
});
