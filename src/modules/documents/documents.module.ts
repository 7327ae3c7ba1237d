import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { APP_CONFIG, AppConfig } from '@libs/config';
import { IdempotencyModule } from '@libs/idempotency';
import { CrmModule } from '../crm';
import { ProjectsModule } from '../projects';
import { ContactErasureService } from './documents/contact-erasure.service';
import { DocumentPartsRepository } from './documents/document-parts.repository';
import { DocumentTypesService } from './documents/document-types.service';
import { DocumentsController } from './documents/documents.controller';
import { DocumentsRepository } from './documents/documents.repository';
import { DocumentsQueries } from './documents.queries';
import { DocumentsService } from './documents/documents.service';
import { LinkedRecords } from './documents/linked-records';
import { FileSweeper } from './files/file-sweeper';
import { FilesController } from './files/files.controller';
import { FilesRepository } from './files/files.repository';
import { FilesService } from './files/files.service';
import { PdfRenderingService } from './pdf/pdf-rendering.service';
import { PdfTemplatesController } from './pdf/pdf-templates.controller';
import { PdfTemplatesRepository } from './pdf/pdf-templates.repository';
import { PdfTemplatesService } from './pdf/pdf-templates.service';
import { DocumentRequestItemsRepository } from './requests/document-request-items.repository';
import { DocumentRequestLetter } from './requests/document-request-letter';
import { DocumentRequestPortalRepository } from './requests/document-request-portal.repository';
import { DocumentRequestPortalService } from './requests/document-request-portal.service';
import { DocumentRequestReminderCheck } from './requests/document-request-reminder.check';
import { DocumentRequestReviewService } from './requests/document-request-review.service';
import { DocumentRequestsController } from './requests/document-requests.controller';
import { DocumentRequestsRepository } from './requests/document-requests.repository';
import { DocumentRequestsService } from './requests/document-requests.service';
import { PublicDocumentRequestsController } from './requests/public-document-requests.controller';
import { createObjectStorage, ObjectStorage } from './storage/object-storage';
import { UPLOAD_LIMITS, UploadLimits } from './storage/storage.tokens';

/**
 * The documents context: files in object storage, documents linked to records, PDF templates and
 * rendering, document requests (the customer upload portal). Other contexts render PDFs through PdfRenderingService (exported).
 */
@Module({
  imports: [IdempotencyModule, CrmModule, ProjectsModule],
  controllers: [FilesController, DocumentsController, PdfTemplatesController, DocumentRequestsController, PublicDocumentRequestsController],
  providers: [
    { provide: ObjectStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createObjectStorage(config.storage) },
    { provide: UPLOAD_LIMITS, inject: [APP_CONFIG], useFactory: (config: AppConfig): UploadLimits => ({ maxBytes: config.storage.maxUploadBytes }) },
    FilesRepository,
    FilesService,
    FileSweeper,
    DocumentsRepository,
    DocumentPartsRepository,
    DocumentsService,
    DocumentTypesService,
    ContactErasureService,
    LinkedRecords,
    PdfTemplatesRepository,
    PdfTemplatesService,
    PdfRenderingService,
    DocumentRequestsRepository,
    DocumentRequestItemsRepository,
    DocumentRequestPortalRepository,
    DocumentRequestsService,
    DocumentRequestReviewService,
    DocumentRequestPortalService,
    DocumentRequestReminderCheck,
    DocumentRequestLetter,
    DocumentsQueries,
  ],
  exports: [PdfRenderingService, DocumentsQueries],
})
export class DocumentsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Streaming multipart parsing for the upload routes (registered once, on the root instance). */
  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as unknown as FastifyAdapter | undefined;
    adapter?.useMultipart?.();
  }
}
