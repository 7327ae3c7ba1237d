import { Injectable } from '@nestjs/common';
import type { DocumentTypeResponseDto } from './document.dto';
import { toDocumentTypeResponse } from './document.mapper';
import { DocumentPartsRepository } from './document-parts.repository';

@Injectable()
export class DocumentTypesService {
  constructor(private readonly parts: DocumentPartsRepository) {}

  async list(): Promise<DocumentTypeResponseDto[]> {
    return (await this.parts.types()).map(toDocumentTypeResponse);
  }
}
