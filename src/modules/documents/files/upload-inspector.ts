import { createHash, Hash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { DocumentsErrors } from '../documents.errors';
import { acceptedType, SNIFF_BYTES } from './upload-rules';

type Sniffer = (head: Uint8Array) => Promise<{ mime: string } | undefined>;

/**
 * Streams an upload through unchanged while it counts bytes (413 past the limit), hashes them
 * (SHA-256) and holds back the first bytes until their type is sniffed and allowed (415) — so
 * nothing of a refused file reaches the storage beyond what the failed write leaves behind.
 */
export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private head: Buffer[] = [];
  private headBytes = 0;
  private checked = false;
  size = 0;
  contentType: string | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly declaredType: string | undefined,
    private readonly sniff: Sniffer,
  ) {
    super();
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(DocumentsErrors.fileTooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (this.checked) return callback(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return callback();
    this.release(false, callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.checked) return callback();
    this.release(true, callback);
  }

  private release(complete: boolean, callback: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.sniff(head)
      .then((result) => {
        this.contentType = acceptedType(result?.mime, this.declaredType, head, complete);
        if (!this.contentType) return callback(DocumentsErrors.unsupportedType(result?.mime ?? this.declaredType));
        this.checked = true;
        callback(null, head);
      })
      .catch((error: unknown) => callback(error as Error));
  }
}
