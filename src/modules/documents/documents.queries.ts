import { Injectable } from '@nestjs/common';
import { currentGrant } from '@libs/auth';
import { AppError } from '@libs/http';
import { DocumentsService } from './documents/documents.service';

/** What other contexts may ask the documents context. */
@Injectable()
export class DocumentsQueries {
  constructor(private readonly documents: DocumentsService) {}

  /** Whether the current actor may read the document: its own scope and its linked records' visibility. */
  async readable(id: string): Promise<boolean> {
    if (!currentGrant('documents.documents:read')) return false;
    try {
      await this.documents.visible(id);
      return true;
    } catch (error) {
      if (error instanceof AppError && error.getStatus() === 404) return false;
      throw error;
    }
  }
}
