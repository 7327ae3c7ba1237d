import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DocumentsErrors } from '../documents.errors';
import type { IncomingFile } from './files.service';

/** The part named `file` of a multipart request, as a stream (415 for another content type, 400 without it). */
export async function readUploadedFile(request: FastifyRequest): Promise<IncomingFile> {
  if (!request.isMultipart?.()) throw DocumentsErrors.notMultipart();
  const part = await request.file({ limits: { files: 1, fields: 10 }, throwFileSizeLimit: false });
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw DocumentsErrors.noFile();
  }
  return { stream: part.file, filename: part.filename, declaredType: part.mimetype };
}
