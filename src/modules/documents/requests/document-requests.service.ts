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
import { DocumentPartsRepository } from '../documents/document-parts.repository';
import { LinkedRecords } from '../documents/linked-records';
import type { CreateDocumentRequestDto, DocumentRequestResponseDto, ListDocumentRequestsQueryDto, UpdateDocumentRequestDto } from './document-request.dto';
import { DOCUMENT_REQUEST_AUDITED_FIELDS, toDocumentRequestResponse } from './document-request.mapper';
import { DocumentRequestItemsRepository } from './document-request-items.repository';
import { DocumentRequestFilters, DocumentRequestsRepository } from './document-requests.repository';
import type { DocumentRequest, DocumentRequestItem, documentRequests } from './document-requests.schema';
import { berlinDate } from '@libs/shared';

const DOCUMENT_REQUEST: ResourceDefinition<DocumentRequest> = {
  name: 'document request',
  code: 'DOCUMENTS_REQUEST',
  permissions: resourcePermissions('documents.requests'),
  events: DOCUMENTS_EVENTS.request,
  auditedFields: [...DOCUMENT_REQUEST_AUDITED_FIELDS],
};

/**
 * Document requests, staff side: a checklist for a contact and/or project. A request is visible
 * within the reader's requests scope (owner/department, in the WHERE) when its contact and project
 * are visible to the reader through their own contexts — as documents are.
 */
@Injectable()
export class DocumentRequestsService extends ResourceService<typeof documentRequests, DocumentRequestFilters, DocumentRequestResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: DocumentRequestsRepository,
    outbox: EventOutbox,
    private readonly items: DocumentRequestItemsRepository,
    private readonly parts: DocumentPartsRepository,
    private readonly linked: LinkedRecords,
  ) {
    super({ txHost, outbox, repository }, DOCUMENT_REQUEST, (row) => respond(row, []));
  }

  async create(dto: CreateDocumentRequestDto): Promise<DocumentRequestResponseDto> {
    if (!dto.contactId && !dto.projectId) throw DocumentsErrors.requestSubjectMissing();
    if (!dto.items.some((item) => item.required !== false)) throw DocumentsErrors.requestNothingRequired();
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(currentScope('documents.requests:create'), departmentId);
    if (dto.contactId && !(await this.linked.visible('contact', dto.contactId))) throw DocumentsErrors.requestReferenceNotVisible('contactId');
    if (dto.projectId && !(await this.linked.visible('project', dto.projectId))) throw DocumentsErrors.requestReferenceNotVisible('projectId');
    for (const [index, item] of dto.items.entries()) if (!(await this.parts.type(item.typeId))) throw DocumentsErrors.requestItemTypeUnknown(index);
    return this.steps.transaction(async () => {
      const row = await this.steps.insert(
        {
          contactId: dto.contactId ?? null,
          projectId: dto.projectId ?? null,
          language: dto.language ?? 'de',
          dueDate: dto.dueDate,
          reminderDaysBefore: dto.reminderDaysBefore ?? 3,
          ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId,
          departmentId,
        },
        { items: dto.items.map((item) => ({ typeId: item.typeId, required: item.required !== false })) },
      );
      const items = await this.items.insertAll(
        dto.items.map((item, position) => ({ requestId: row.id, position, typeId: item.typeId, instructions: item.instructions, required: item.required !== false })),
      );
      return respond(row, items);
    });
  }

  override async list(query: ListDocumentRequestsQueryDto): Promise<Page<DocumentRequestResponseDto>> {
    if (query.contactId && !(await this.linked.visible('contact', query.contactId))) return { items: [], nextCursor: null };
    if (query.projectId && !(await this.linked.visible('project', query.projectId))) return { items: [], nextCursor: null };
    const page = await this.steps.list(query, (row) => row);
    const items = await this.items.itemsOf(page.items.map((row) => row.id));
    return { ...page, items: page.items.map((row) => respond(row, items)) };
  }

  override async get(id: string): Promise<DocumentRequestResponseDto> {
    return this.withItems(await this.visible(id));
  }

  async update(id: string, version: number, dto: UpdateDocumentRequestDto): Promise<DocumentRequestResponseDto> {
    await this.visible(id);
    const row = await this.steps.update(id, version, () => ({
      ...(dto.dueDate !== undefined && { dueDate: dto.dueDate }),
      ...(dto.language !== undefined && { language: dto.language }),
      ...(dto.reminderDaysBefore !== undefined && { reminderDaysBefore: dto.reminderDaysBefore }),
    }));
    return this.withItems(row);
  }

  override async remove(id: string, version: number): Promise<void> {
    await this.visible(id);
    await this.steps.remove(id, version);
  }

  /** Restored only if its contact and project are visible too (else 404, and the restore rolls back). */
  override async restore(id: string, version: number | undefined): Promise<DocumentRequestResponseDto> {
    return this.steps.transaction(async () => {
      const row = await this.steps.restore(id, version);
      if (!(await this.linked.allVisible(subjectLinks(row)))) throw this.steps.notFound(id);
      return this.withItems(row);
    });
  }

  /** The row within the read scope whose contact and project the actor may see; 404 otherwise. */
  async visible(id: string): Promise<RowOf<typeof documentRequests>> {
    const row = await this.steps.get(id);
    if (!(await this.linked.allVisible(subjectLinks(row)))) throw this.steps.notFound(id);
    return row;
  }

  async withItems(row: DocumentRequest): Promise<DocumentRequestResponseDto> {
    return respond(row, await this.items.itemsOf([row.id]));
  }
}

export function respond(row: DocumentRequest, items: readonly DocumentRequestItem[]): DocumentRequestResponseDto {
  const now = new Date();
  return toDocumentRequestResponse(row, items, now, berlinDate(now));
}

const subjectLinks = (row: Pick<RowOf<typeof documentRequests>, 'contactId' | 'projectId'>) => [
  ...(row.contactId ? [{ type: 'contact' as const, id: row.contactId }] : []),
  ...(row.projectId ? [{ type: 'project' as const, id: row.projectId }] : []),
];
