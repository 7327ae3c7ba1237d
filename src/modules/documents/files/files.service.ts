import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { currentActorId } from '@libs/context';
import { DocumentsErrors } from '../documents.errors';
import { ObjectStorage } from '../storage/object-storage';
import { UPLOAD_LIMITS, UploadLimits } from '../storage/storage.tokens';
import type { StoredFile } from './files.schema';
import { FilesRepository } from './files.repository';
import { ByteRange, sanitizeFilename } from './upload-rules';
import { UploadInspector } from './upload-inspector';

export interface IncomingFile {
  stream: Readable;
  filename: string | undefined;
  declaredType: string | undefined;
}

/**
 * Streams uploads into the object storage and reads them back. The row is written only after the
 * object is complete; a failed, refused or aborted upload deletes what the write left behind.
 */
@Injectable()
export class FilesService {
  constructor(
    private readonly repository: FilesRepository,
    private readonly storage: ObjectStorage,
    @Inject(UPLOAD_LIMITS) private readonly limits: UploadLimits,
  ) {}

  async upload(incoming: IncomingFile): Promise<StoredFile> {
    const inspector = new UploadInspector(this.limits.maxBytes, incoming.declaredType, detectFileType);
    const key = storageKey();
    // Both settle before cleaning up: deleting while the write is still opening its target
    // would leave the object behind.
    const [streamed, written] = await Promise.allSettled([pipeline(incoming.stream, inspector), this.storage.write(key, inspector, 'application/octet-stream')]);
    if (streamed.status === 'rejected' || written.status === 'rejected') {
      incoming.stream.resume();
      await this.storage.delete(key).catch(() => undefined);
      throw streamed.status === 'rejected' ? streamed.reason : (written as PromiseRejectedResult).reason;
    }
    try {
      return await this.store(key, incoming, inspector);
    } catch (error) {
      await this.storage.delete(key).catch(() => undefined);
      throw error;
    }
  }

  /** Stores bytes produced by this context (rendered PDFs) as a file. */
  async storeBuffer(bytes: Buffer, filename: string, contentType: string, sha256: string): Promise<StoredFile> {
    const key = storageKey();
    await this.storage.write(key, Readable.from([bytes]), contentType);
    try {
      return await this.repository.insert({ storageKey: key, filename: sanitizeFilename(filename), contentType, byteSize: bytes.length, sha256 });
    } catch (error) {
      await this.storage.delete(key).catch(() => undefined);
      throw error;
    }
  }

  /** Removes an upload no document took (a use case failed after the upload); best effort, the sweeper catches the rest. */
  async discard(file: StoredFile): Promise<void> {
    await this.repository.hardDelete([file.id]).catch(() => undefined);
    await this.storage.delete(file.storageKey).catch(() => undefined);
  }

  async find(id: string): Promise<StoredFile> {
    const file = await this.repository.findById(id);
    if (!file) throw DocumentsErrors.fileNotFound(id);
    return file;
  }

  /** A live file the actor uploaded (404 for anyone else's). */
  async ownUpload(id: string): Promise<StoredFile> {
    const file = await this.repository.findById(id);
    if (!file || file.createdBy !== currentActorId()) throw DocumentsErrors.fileNotFound(id);
    return file;
  }

  /** A file the actor uploaded that no document uses yet. */
  unattached(id: string): Promise<StoredFile | undefined> {
    return this.repository.findUnattachedOf(id, currentActorId() as string);
  }

  /** The bytes of a file, or of one range of it. */
  async open(file: StoredFile, range?: ByteRange): Promise<Readable> {
    // Checked first: once the reply has started, a missing object could only cut it off.
    if (!(await this.storage.exists(file.storageKey))) throw DocumentsErrors.contentMissing(file.id);
    const stream = await this.storage.read(file.storageKey);
    return range ? stream.pipe(sliceBytes(range)) : stream;
  }

  private store(key: string, incoming: IncomingFile, inspector: UploadInspector): Promise<StoredFile> {
    return this.repository.insert({
      storageKey: key,
      filename: sanitizeFilename(incoming.filename),
      contentType: inspector.contentType as string,
      byteSize: inspector.size,
      sha256: inspector.sha256,
    });
  }
}

/** `yyyy/mm/<uuid>`: spreads keys over prefixes and reveals nothing of the file. */
function storageKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
}

function sliceBytes({ start, end }: ByteRange): Transform {
  let offset = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const from = Math.max(start - offset, 0);
      const to = Math.min(end + 1 - offset, chunk.length);
      offset += chunk.length;
      callback(null, from < to ? chunk.subarray(from, to) : undefined);
    },
  });
}

/** file-type (an ES module, with its format tables) is loaded with the first upload, not at boot (bench/boot). */
function detectFileType(head: Uint8Array): ReturnType<typeof import('file-type/node').fileTypeFromBuffer> {
  return (require('file-type/node') as typeof import('file-type/node')).fileTypeFromBuffer(head);
}
