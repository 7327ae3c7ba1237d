import { acceptedType, contentDisposition, isUtf8Text, parseRange, sanitizeFilename } from './upload-rules';

describe('upload rules', () => {
  it('accepts sniffed types on the allow-list only', () => {
    expect(acceptedType('application/pdf', 'application/pdf', Buffer.from('%PDF'), true)).toBe('application/pdf');
    expect(acceptedType('application/x-msdownload', 'application/pdf', Buffer.from('MZ'), true)).toBeUndefined();
    expect(acceptedType('image/gif', 'image/gif', Buffer.from('GIF89a'), true)).toBeUndefined();
  });

  it('accepts text only when declared as text and the bytes are text', () => {
    expect(acceptedType(undefined, 'text/csv; charset=utf-8', Buffer.from('a;b\r\nÄ;ß\r\n'), true)).toBe('text/csv');
    expect(acceptedType(undefined, 'application/pdf', Buffer.from('<?php system($_GET[1]); ?>'), true)).toBeUndefined();
    expect(acceptedType(undefined, 'text/plain', Buffer.from([0x41, 0x00, 0x42]), true)).toBeUndefined();
    expect(acceptedType(undefined, 'text/plain', Buffer.from([0xff, 0xfe, 0x41]), true)).toBeUndefined();
  });

  it('tolerates a UTF-8 character cut at the end of an incomplete sample', () => {
    const text = Buffer.from('Größe');
    expect(isUtf8Text(text.subarray(0, 3), false)).toBe(true);
    expect(isUtf8Text(text.subarray(0, 3), true)).toBe(false);
  });

  it('sanitises file names', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('C:\\Users\\x\\Grundriss EG.pdf')).toBe('Grundriss EG.pdf');
    expect(sanitizeFilename('..hidden')).toBe('hidden');
    expect(sanitizeFilename('a"b<c>\u0000.pdf')).toBe('a_b_c__.pdf');
    expect(sanitizeFilename('')).toBe('file');
    const long = sanitizeFilename(`${'x'.repeat(300)}.pdf`);
    expect(long).toHaveLength(150);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('writes Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Energieausweis Müller.pdf')).toBe(
      `attachment; filename="Energieausweis Muller.pdf"; filename*=UTF-8''Energieausweis%20M%C3%BCller.pdf`,
    );
  });

  it('parses single byte ranges', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseRange(undefined, 100)).toBeUndefined();
  });
});
