import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentsErrors } from '../documents.errors';
import type { StoredFile } from './files.schema';
import type { FilesService } from './files.service';
import { contentDisposition, parseRange } from './upload-rules';

/**
 * Streams a stored file: ETag = its SHA-256 (304 for a matching If-None-Match), Content-Disposition
 * with the sanitised name, and a single byte range (206, or 416 outside the file).
 */
export async function sendFile(files: FilesService, file: StoredFile, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const etag = `"${file.sha256}"`;
  reply
    .header('ETag', etag)
    .header('Content-Disposition', contentDisposition(file.filename))
    .header('Accept-Ranges', 'bytes')
    .header('Cache-Control', 'private, no-cache')
    .header('X-Content-Type-Options', 'nosniff');
  if (request.headers['if-none-match'] === etag) {
    await reply.code(304).send();
    return;
  }
  const ifRange = request.headers['if-range'];
  const range = ifRange && ifRange !== etag ? undefined : parseRange(request.headers.range, file.byteSize);
  if (range === 'unsatisfiable') {
    reply.header('Content-Range', `bytes */${file.byteSize}`);
    throw DocumentsErrors.rangeNotSatisfiable(file.byteSize);
  }
  const stream = await files.open(file, range);
  reply.header('Content-Type', file.contentType);
  if (range) {
    await reply
      .code(206)
      .header('Content-Range', `bytes ${range.start}-${range.end}/${file.byteSize}`)
      .header('Content-Length', range.end - range.start + 1)
      .send(stream);
    return;
  }
  await reply.code(200).header('Content-Length', file.byteSize).send(stream);
}
