import { Injectable, NotImplementedException } from '@nestjs/common';
import type { PdfKind, PdfRenderRequest, PdfRenderResult } from './pdf-data';

/**
 * Renders a PDF from the current template version of its kind and language, stores it as a file
 * (with its SHA-256) and as a document linked to the given records, inside the caller's
 * transaction. Same data + same template version → the same bytes.
 */
@Injectable()
export class PdfRenderingService {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async render<K extends PdfKind>(request: PdfRenderRequest<K>): Promise<PdfRenderResult> {
    throw new NotImplementedException('PDF rendering is being built');
  }
}
