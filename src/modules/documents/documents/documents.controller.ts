import { Body, Controller, Delete, Get, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { sendFile } from '../files/file-download';
import { FilesService } from '../files/files.service';
import {
  AddDocumentVersionDto,
  ContactErasureReportDto,
  EraseContactDocumentsDto,
  CreateDocumentDto,
  DocumentContentQueryDto,
  DocumentDetailDto,
  DocumentPageDto,
  DocumentResponseDto,
  DocumentTypeResponseDto,
  ListDocumentsQueryDto,
  UpdateDocumentDto,
} from './document.dto';
import { ContactErasureService } from './contact-erasure.service';
import { DocumentsService } from './documents.service';
import { DocumentTypesService } from './document-types.service';

@ApiTags('documents')
@Controller()
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly types: DocumentTypesService,
    private readonly files: FilesService,
    private readonly erasure: ContactErasureService,
  ) {}

  @Get('document-types')
  @Operation({ permission: 'documents.documents:read', summary: 'Document types (reference data with retention periods)', ok: [DocumentTypeResponseDto] })
  listDocumentTypes(): Promise<DocumentTypeResponseDto[]> {
    return this.types.list();
  }

  @Post('documents')
  @Operation({ permission: 'documents.documents:create', summary: 'Create a document from an uploaded file, linked to records', created: DocumentResponseDto, problems: [403, 404, 422], idempotent: true })
  createDocument(@Body() dto: CreateDocumentDto): Promise<DocumentResponseDto> {
    return this.documents.create(dto);
  }

  @Get('documents')
  @Operation({ permission: 'documents.documents:read', summary: 'List documents (by linked record and type)', ok: DocumentPageDto })
  listDocuments(@Query() query: ListDocumentsQueryDto): Promise<Page<DocumentResponseDto>> {
    return this.documents.list(query);
  }

  @Get('documents/:id')
  @Operation({ permission: 'documents.documents:read', summary: 'A document with its versions (ETag: its version)', ok: DocumentDetailDto, problems: [404] })
  getDocument(@UuidParam() id: string): Promise<DocumentDetailDto> {
    return this.documents.get(id);
  }

  @Get('documents/:id/content')
  @Operation({ permission: 'documents.documents:read', summary: "Download a document's file (newest or a given version; ETag = SHA-256, Range)", file: true, problems: [404, 416] })
  async downloadDocument(@UuidParam() id: string, @Query() query: DocumentContentQueryDto, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(this.files, await this.documents.fileOf(id, query.version), request, reply);
  }

  @Patch('documents/:id')
  @Operation({ permission: 'documents.documents:update', summary: 'Change a document (If-Match)', ok: DocumentResponseDto, problems: [404, 422], ifMatch: 'required' })
  updateDocument(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateDocumentDto): Promise<DocumentResponseDto> {
    return this.documents.update(id, version, dto);
  }

  @Post('documents/:id/versions')
  @Operation({ permission: 'documents.documents:update', summary: 'Add a new version (a new upload of the same document; If-Match optional)', ok: DocumentResponseDto, problems: [404, 422], ifMatch: 'optional', idempotent: true })
  addDocumentVersion(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: AddDocumentVersionDto): Promise<DocumentResponseDto> {
    return this.documents.addVersion(id, version, dto.fileId);
  }

  @Delete('documents/:id')
  @Operation({ permission: 'documents.documents:delete', summary: 'Soft-delete a document (If-Match; 409 under legal retention)', noContent: 'Deleted', problems: [404, 409], ifMatch: 'required' })
  deleteDocument(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.documents.remove(id, version);
  }

  @Post('documents/:id/restore')
  @Operation({ permission: 'documents.documents:delete', summary: 'Restore a soft-deleted document', ok: DocumentResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreDocument(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<DocumentResponseDto> {
    return this.documents.restore(id, version);
  }

  @Post('document-erasures')
  @Operation({
    permission: 'documents.documents:delete',
    summary: "Erase a contact's documents (GDPR); report what was deleted and what legal retention keeps",
    ok: ContactErasureReportDto,
    problems: [403],
  })
  eraseContactDocuments(@Body() dto: EraseContactDocumentsDto): Promise<ContactErasureReportDto> {
    return this.erasure.eraseContact(dto.contactId);
  }
}
