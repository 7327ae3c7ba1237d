import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import {
  CreateDocumentRequestDto,
  DocumentRequestLinkDto,
  DocumentRequestPageDto,
  DocumentRequestResponseDto,
  IssueDocumentRequestLinkDto,
  ListDocumentRequestsQueryDto,
  RejectDocumentRequestItemDto,
  UpdateDocumentRequestDto,
} from './document-request.dto';
import { DocumentRequestReviewService } from './document-request-review.service';
import { DocumentRequestsService } from './document-requests.service';

@ApiTags('documents')
@Controller('document-requests')
export class DocumentRequestsController {
  constructor(
    private readonly requests: DocumentRequestsService,
    private readonly review: DocumentRequestReviewService,
  ) {}

  @Post()
  @Operation({
    permission: 'documents.requests:create',
    summary: 'Ask a customer for documents: a checklist for a contact and/or project (issue its link next)',
    created: DocumentRequestResponseDto,
    problems: [403, 422],
    idempotent: true,
  })
  createDocumentRequest(@Body() dto: CreateDocumentRequestDto): Promise<DocumentRequestResponseDto> {
    return this.requests.create(dto);
  }

  @Get()
  @Operation({ permission: 'documents.requests:read', summary: 'List document requests (status, contact, project, due dates, overdue)', ok: DocumentRequestPageDto })
  listDocumentRequests(@Query() query: ListDocumentRequestsQueryDto): Promise<Page<DocumentRequestResponseDto>> {
    return this.requests.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'documents.requests:read', summary: 'A document request with its checklist (ETag: its version)', ok: DocumentRequestResponseDto, problems: [404] })
  getDocumentRequest(@UuidParam() id: string): Promise<DocumentRequestResponseDto> {
    return this.requests.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'documents.requests:update', summary: 'Change the due date, language or reminder of a request (If-Match)', ok: DocumentRequestResponseDto, problems: [404, 422], ifMatch: 'required' })
  updateDocumentRequest(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateDocumentRequestDto): Promise<DocumentRequestResponseDto> {
    return this.requests.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'documents.requests:delete', summary: 'Withdraw (soft-delete) a request; its link answers 410 (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteDocumentRequest(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.requests.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'documents.requests:delete', summary: 'Restore a withdrawn request', ok: DocumentRequestResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreDocumentRequest(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<DocumentRequestResponseDto> {
    return this.requests.restore(id, version);
  }

  @Post(':id/link')
  @Operation({
    permission: 'documents.requests:update',
    summary: "Issue (or re-issue) the customer's link; the token is answered this once and the previous link stops working",
    created: DocumentRequestLinkDto,
    problems: [404, 422],
    ifMatch: 'optional',
  })
  issueDocumentRequestLink(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: IssueDocumentRequestLinkDto): Promise<DocumentRequestLinkDto> {
    return this.review.issueLink(id, version, dto);
  }

  @Delete(':id/link')
  @Operation({ permission: 'documents.requests:update', summary: "Revoke the customer's link (it answers 410 from now on)", noContent: 'Revoked', problems: [404] })
  revokeDocumentRequestLink(@UuidParam() id: string): Promise<void> {
    return this.review.revokeLink(id);
  }

  @Post(':id/items/:itemId/accept')
  @Operation({ permission: 'documents.requests:update', summary: 'Accept an uploaded item', ok: DocumentRequestResponseDto, problems: [404, 409], ifMatch: 'optional' })
  acceptDocumentRequestItem(@UuidParam() id: string, @UuidParam('itemId') itemId: string, @IfMatch({ optional: true }) version: number | undefined): Promise<DocumentRequestResponseDto> {
    return this.review.acceptItem(id, itemId, version);
  }

  @Post(':id/items/:itemId/reject')
  @Operation({
    permission: 'documents.requests:update',
    summary: 'Reject an uploaded item with a reason the customer sees; it reopens the item and the request',
    ok: DocumentRequestResponseDto,
    problems: [404, 409, 422],
    ifMatch: 'optional',
  })
  rejectDocumentRequestItem(
    @UuidParam() id: string,
    @UuidParam('itemId') itemId: string,
    @IfMatch({ optional: true }) version: number | undefined,
    @Body() dto: RejectDocumentRequestItemDto,
  ): Promise<DocumentRequestResponseDto> {
    return this.review.rejectItem(id, itemId, version, dto.reason);
  }
}
