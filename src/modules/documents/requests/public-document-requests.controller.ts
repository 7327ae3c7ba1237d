import { Controller, Get, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UuidParam } from '@libs/http';
import { Operation } from '@libs/resource';
import { FileUploadDto } from '../files/file.dto';
import { readUploadedFile } from '../files/multipart';
import { PortalChecklistDto, PortalUploadReceiptDto } from './document-request-portal.dto';
import { DocumentRequestPortalService } from './document-request-portal.service';
import { PortalRetryAfterInterceptor } from './portal-retry-after.interceptor';

/** The token of a customer's link (base64url, 43 characters); anything else is an unknown link (404). */
const TOKEN_PARAM = { name: 'portalToken', schema: { type: 'string', maxLength: 43, example: 'Zk3v9Q0mW1aP7yR2tL5nB8cX4dF6gH0jK2lM4nP6qR8' } } as const;

/** What a customer's link reaches, without a login: the checklist and uploads into its items. */
@ApiTags('documents')
@UseInterceptors(PortalRetryAfterInterceptor)
@Controller('public/document-requests')
export class PublicDocumentRequestsController {
  constructor(private readonly portal: DocumentRequestPortalService) {}

  @Get(':portalToken')
  @ApiParam(TOKEN_PARAM)
  @Operation({
    permission: 'public',
    summary: 'The checklist behind a customer link: items, instructions in the request language, due date, consultancy',
    description: 'Unknown link: 404; expired, revoked or withdrawn: 410. Rate limited per client address and per request (429).',
    ok: PortalChecklistDto,
    problems: [404, 410, 429],
  })
  getPortalChecklist(@Param('portalToken') token: string): Promise<PortalChecklistDto> {
    return this.portal.checklist(token);
  }

  @Post(':portalToken/items/:itemId/uploads')
  @ApiParam(TOKEN_PARAM)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: FileUploadDto })
  @Operation({
    permission: 'public',
    summary: 'Upload a file into a checklist item (multipart, streamed; a further upload becomes a new version)',
    description: 'Same limits as POST /files: larger than UPLOAD_MAX_BYTES 413, type sniffed from the bytes 415. An accepted item takes no further upload (409).',
    created: PortalUploadReceiptDto,
    problems: [400, 404, 409, 410, 413, 415, 429],
  })
  uploadPortalItem(@Param('portalToken') token: string, @UuidParam('itemId') itemId: string, @Req() request: FastifyRequest): Promise<PortalUploadReceiptDto> {
    return this.portal.upload(token, itemId, () => readUploadedFile(request));
  }
}
