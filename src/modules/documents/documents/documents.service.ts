import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, defaultDepartment } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import type { Page } from '@libs/pagination';
import { ResourceDefinition, resourcePermissions, ResourceService, RowOf } from '@libs/resource';
import { DocumentsErrors } from '../documents.errors';
import { DOCUMENTS_EVENTS } from '../documents.events';
import type { StoredFile } from '../files/files.schema';
import { FilesService } from '../files/files.service';
import { CreateDocumentDto, DocumentDetailDto, DocumentResponseDto, ListDocumentsQueryDto, UpdateDocumentDto } from './document.dto';
import { DOCUMENT_AUDITED_FIELDS, toDocumentResponse, toFileResponse } from './document.mapper';
import { isRetained, retentionEnd } from './document.rules';
import { DocumentPartsRepository } from './document-parts.repository';
import { DocumentFilters, DocumentsRepository } from './documents.repository';
import type { Document, DocumentLinkType, documents } from './documents.schema';
import { LinkedRecords } from './linked-records';
import { berlinDate } from '@libs/shared';

const DOCUMENT: ResourceDefinition<Document> = {
  name: 'document',
  code: 'DOCUMENTS_DOCUMENT',
  permissions: resourcePermissions('documents.documents'),
  events: DOCUMENTS_EVENTS.document,
  auditedFields: [...DOCUMENT_AUDITED_FIELDS],
};

export interface NewDocument {
  file: StoredFile;
  typeId: string;
  title: { de: string; en: string };
  documentDate?: string | null;
  links: { type: DocumentLinkType; id: string }[];
  ownerId?: string | null;
  departmentId?: string | null;
  retainUntil?: string | null;
}

/**
 * Documents: a file with a type, a title and links to the records it belongs to. A document is
 * readable when it lies in the reader's documents scope and every linked record is visible to
 * the reader through its own context.
 */
@Injectable()
export class DocumentsService extends ResourceService<typeof documents, DocumentFilters, DocumentResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: DocumentsRepository,
    outbox: EventOutbox,
    private readonly parts: DocumentPartsRepository,
    private readonly files: FilesService,
    private readonly linked: LinkedRecords,
  ) {
    super({ txHost, outbox, repository }, DOCUMENT, (row) => toDocumentResponse(row, []));
  }

  async create(dto: CreateDocumentDto): Promise<DocumentResponseDto> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(currentScope('documents.documents:create'), departmentId);
    await this.assertLinksVisible(dto.links);
    const file = await this.files.unattached(dto.fileId);
    if (!file) throw DocumentsErrors.fileNotFound(dto.fileId);
    const row = await this.insert({ ...dto, file, departmentId, ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId });
    return this.respond(row);
  }

  /** Inserts a document with its first version and links (joins the caller's transaction). */
  async insert(input: NewDocument): Promise<RowOf<typeof documents>> {
    const type = await this.parts.type(input.typeId);
    if (!type) throw DocumentsErrors.unknownDocumentType();
    const computed = retentionEnd({ documentDate: input.documentDate ?? null, createdAt: new Date(), typeRetentionYears: type.retentionYears, linkTypes: input.links.map((l) => l.type) });
    const retainUntil = [computed, input.retainUntil ?? null].filter((d): d is string => d !== null).sort().pop() ?? null;
    return this.steps.transaction(async () => {
      const row = await this.steps.insert(
        {
          typeId: type.id,
          title: input.title,
          documentDate: input.documentDate ?? null,
          fileId: input.file.id,
          currentVersion: 1,
          retainUntil,
          ownerId: input.ownerId ?? null,
          departmentId: input.departmentId ?? null,
        },
        { links: input.links },
      );
      await this.parts.addVersion(row.id, 1, input.file.id, currentActorId() ?? null);
      await this.parts.addLinks(row.id, input.links);
      return row;
    });
  }

  override async list(query: ListDocumentsQueryDto): Promise<Page<DocumentResponseDto>> {
    if (query.linkType && query.linkId && !(await this.linked.visible(query.linkType, query.linkId))) return { items: [], nextCursor: null };
    const page = await this.steps.list(query, (row) => row);
    const links = await this.parts.linksOf(page.items.map((row) => row.id));
    return { ...page, items: page.items.map((row) => toDocumentResponse(row, links)) };
  }

  override async get(id: string): Promise<DocumentDetailDto> {
    const row = await this.visible(id);
    const versions = await this.parts.versionsOf(id);
    return {
      ...(await this.respond(row)),
      versions: versions.map((v) => ({ versionNumber: v.versionNumber, file: toFileResponse(v.file), createdAt: v.createdAt, createdBy: v.createdBy })),
    };
  }

  async update(id: string, version: number, dto: UpdateDocumentDto): Promise<DocumentResponseDto> {
    await this.visible(id);
    const row = await this.steps.update(id, version, async () => {
      if (dto.typeId && !(await this.parts.type(dto.typeId))) throw DocumentsErrors.unknownDocumentType();
      return { ...(dto.typeId && { typeId: dto.typeId }), ...(dto.title && { title: dto.title }), ...(dto.documentDate !== undefined && { documentDate: dto.documentDate }) };
    });
    return this.respond(row);
  }

  /** A new upload of the same document becomes its newest version. */
  async addVersion(id: string, expectedVersion: number | undefined, fileId: string): Promise<DocumentResponseDto> {
    // Without If-Match the version read now is expected: adding appends, it overwrites nothing.
    const version = expectedVersion ?? (await this.visible(id)).version;
    if (expectedVersion !== undefined) await this.visible(id);
    const file = await this.files.unattached(fileId);
    if (!file) throw DocumentsErrors.fileNotFound(fileId);
    const row = await this.steps.update(id, version, (current) => ({ fileId: file.id, currentVersion: current.currentVersion + 1 }));
    await this.steps.transaction(async () => {
      await this.parts.addVersion(id, row.currentVersion, file.id, currentActorId() ?? null);
      await this.steps.publish(DOCUMENTS_EVENTS.document.versionAdded(id, { versionNumber: row.currentVersion, fileId: file.id, sha256: file.sha256, changes: {} }));
    });
    return this.respond(row);
  }

  /**
   * A new version for another use case of this context that already decided the caller may add it
   * (the customer portal: the request's token). Undefined when the document is gone (deleted or
   * erased): the caller starts a new one.
   */
  async appendVersion(id: string, file: StoredFile): Promise<{ versionNumber: number } | undefined> {
    return this.steps.transaction(async () => {
      const current = await this.repository.findById(id, 'all', { forUpdate: true });
      if (!current) return undefined;
      const row = await this.steps.apply(current, { fileId: file.id, currentVersion: current.currentVersion + 1 }, 'all');
      await this.parts.addVersion(id, row.currentVersion, file.id, currentActorId() ?? null);
      await this.steps.publish(DOCUMENTS_EVENTS.document.versionAdded(id, { versionNumber: row.currentVersion, fileId: file.id, sha256: file.sha256, changes: {} }));
      return { versionNumber: row.currentVersion };
    });
  }

  override async remove(id: string, version: number): Promise<void> {
    await this.visible(id);
    await this.steps.remove(id, version, (current) => {
      if (isRetained(current.retainUntil, berlinDate())) throw DocumentsErrors.retained(id, current.retainUntil as string);
    });
  }

  override async restore(id: string, version: number | undefined): Promise<DocumentResponseDto> {
    return this.respond(await this.steps.restore(id, version));
  }

  /** The file of a version (the newest by default) of a visible document. */
  async fileOf(id: string, versionNumber?: number): Promise<StoredFile> {
    const row = await this.visible(id);
    if (versionNumber === undefined) return this.files.find(row.fileId);
    const match = (await this.parts.versionsOf(id)).find((v) => v.versionNumber === versionNumber);
    if (!match) throw this.steps.notFound(id);
    return match.file;
  }

  /** The row within the read scope whose linked records the actor may all see; 404 otherwise. */
  async visible(id: string): Promise<RowOf<typeof documents>> {
    const row = await this.steps.get(id);
    const links = await this.parts.linksOf([id]);
    if (!(await this.linked.allVisible(links.map((l) => ({ type: l.linkType, id: l.linkId }))))) throw this.steps.notFound(id);
    return row;
  }

  private async respond(row: RowOf<typeof documents>): Promise<DocumentResponseDto> {
    return toDocumentResponse(row, await this.parts.linksOf([row.id]));
  }

  private async assertLinksVisible(links: { type: DocumentLinkType; id: string }[]): Promise<void> {
    for (const [index, link] of links.entries()) if (!(await this.linked.visible(link.type, link.id))) throw DocumentsErrors.linkNotVisible(index);
  }
}

