import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '@libs/http';
import { DocumentsErrors } from '../documents.errors';
import type { IncomingFile } from './files.service';

/** The part named `file` of a multipart request, as a stream (415 for another content type, 400 without it or when malformed). */
export async function readUploadedFile(request: FastifyRequest): Promise<IncomingFile> {
  if (!request.isMultipart?.()) throw DocumentsErrors.notMultipart();
  let part;
  try {
    part = await request.file({ limits: { files: 1, fields: 10 }, throwFileSizeLimit: false });
  } catch (error) {
    throw DocumentsErrors.malformedUpload((error as Error).message);
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw DocumentsErrors.noFile();
  }
  return { stream: part.file, filename: part.filename, declaredType: part.mimetype };
}

/** A failure while reading the stream that is not already a problem: the body broke off or is malformed. */
export function asUploadProblem(error: unknown): unknown {
  return error instanceof AppError ? error : DocumentsErrors.malformedUpload((error as Error)?.message ?? String(error));
}
