/**
 * What may be uploaded, decided from the bytes: the sniffed MIME type must be on the allow-list.
 * Plain text and CSV carry no magic number; they are accepted only when declared as such and
 * the sniffed head is UTF-8 text without control characters.
 */
export const ALLOWED_SNIFFED_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
  'image/tiff',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

export const TEXT_TYPES: ReadonlySet<string> = new Set(['text/plain', 'text/csv']);

/** How many leading bytes are inspected before anything is written. */
export const SNIFF_BYTES = 64 * 1024;

/** The stored type of an upload, or undefined when it is refused (415). */
export function acceptedType(sniffed: string | undefined, declared: string | undefined, head: Buffer, complete: boolean): string | undefined {
  if (sniffed) return ALLOWED_SNIFFED_TYPES.has(sniffed) ? sniffed : undefined;
  const declaredType = (declared ?? '').split(';')[0].trim().toLowerCase();
  if (!TEXT_TYPES.has(declaredType)) return undefined;
  return isUtf8Text(head, complete) ? declaredType : undefined;
}

/** UTF-8 without NUL or control characters other than tab, CR, LF, form feed; a character cut at the sample's end is fine. */
export function isUtf8Text(head: Buffer, complete: boolean): boolean {
  let bytes = head;
  if (!complete) {
    let cut = bytes.length;
    while (cut > 0 && cut > bytes.length - 4 && (bytes[cut - 1] & 0xc0) === 0x80) cut--;
    if (cut > 0 && bytes[cut - 1] >= 0xc0) cut--;
    bytes = bytes.subarray(0, cut);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * A filename safe for storage listings and Content-Disposition: the last path segment, NFC,
 * no control or reserved characters, no leading dots, at most 150 characters (extension kept).
 */
export function sanitizeFilename(name: string | undefined, fallback = 'file'): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"*:<>?|]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!cleaned) return fallback;
  if (cleaned.length <= 150) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 150 - ext.length) + ext;
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'file';
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export interface ByteRange {
  start: number;
  end: number;
}

/** A single `bytes=` range of a file of `size` bytes; undefined: none asked; 'unsatisfiable': 416. */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined | 'unsatisfiable' {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
