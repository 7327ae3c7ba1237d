import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiProduces, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiIfMatch, ApiProblemResponses, ETAG_HEADER, Etagged, IfMatch, ParseUuidPipe } from '@libs/http';
import { csvFile, exportFileName } from '@libs/csv';
import { Idempotent } from '@libs/idempotency';
import { TimelinePageDto, TimelineQueryDto } from '../timeline/timeline.dto';
import { TimelineService } from '../timeline/timeline.service';
import { CONTACT_EXPORT_COLUMNS } from './contact-csv';
import { DuplicateProblemDto } from '../shared/duplicates.dto';
import {
  ContactPageDto,
  ContactResponseDto,
  CreateContactDto,
  ListContactsQueryDto,
  MergeContactDto,
  MergeContactResponseDto,
  UpdateContactDto,
  ExportContactsQueryDto,
} from './contact.dto';
import { ContactMergeService } from './contact-merge.service';
import { ContactsService } from './contacts.service';

@ApiTags('crm')
@Etagged()
@ApiExtraModels(DuplicateProblemDto)
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly merging: ContactMergeService,
    private readonly timelines: TimelineService,
  ) {}

  @Post()
  @Idempotent()
  @RequirePermission('crm.contacts:create')
  @ApiOperation({ summary: 'Create a contact', description: 'A contact sharing e-mail or phone with existing contacts or leads is a 409 listing them, unless `allowDuplicates` is true.' })
  @ApiCreatedResponse({ type: ContactResponseDto, headers: ETAG_HEADER })
  @ApiConflictResponse({ description: 'CRM_DUPLICATE_CANDIDATES', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/DuplicateProblemDto' } } } })
  @ApiProblemResponses(403, 422)
  createContact(@Body() dto: CreateContactDto): Promise<ContactResponseDto> {
    return this.contacts.create(dto);
  }

  @Get()
  @RequirePermission('crm.contacts:read')
  @ApiOperation({ summary: 'List contacts', description: '`q` also matches the name of the contact\'s company.' })
  @ApiOkResponse({ type: ContactPageDto })
  listContacts(@Query() query: ListContactsQueryDto): Promise<ContactPageDto> {
    return this.contacts.list(query);
  }

  @Get('export')
  @RequirePermission('crm.contacts:read')
  @ApiOperation({ summary: 'Export contacts as CSV', description: 'Same filters and sort as the list; streamed, every matching row (UTF-8 with BOM).' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  exportContacts(@Query() query: ExportContactsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('contacts'), CONTACT_EXPORT_COLUMNS, this.contacts.export(query));
  }

  @Get(':id')
  @RequirePermission('crm.contacts:read')
  @ApiOperation({ summary: 'A contact (ETag: its version)' })
  @ApiOkResponse({ type: ContactResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404)
  getContact(@Param('id', ParseUuidPipe) id: string): Promise<ContactResponseDto> {
    return this.contacts.get(id);
  }

  @Patch(':id')
  @RequirePermission('crm.contacts:update')
  @ApiOperation({ summary: 'Change a contact (If-Match)' })
  @ApiOkResponse({ type: ContactResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(403, 404, 422)
  @ApiIfMatch()
  updateContact(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number, @Body() dto: UpdateContactDto): Promise<ContactResponseDto> {
    return this.contacts.update(id, version, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('crm.contacts:delete')
  @ApiOperation({ summary: 'Soft-delete a contact (If-Match)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblemResponses(404)
  @ApiIfMatch()
  deleteContact(@Param('id', ParseUuidPipe) id: string, @IfMatch() version: number): Promise<void> {
    return this.contacts.remove(id, version);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('crm.contacts:delete')
  @ApiOperation({ summary: 'Restore a soft-deleted contact (not one that was merged)' })
  @ApiOkResponse({ type: ContactResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404, 409)
  @ApiIfMatch({ required: false })
  restoreContact(@Param('id', ParseUuidPipe) id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ContactResponseDto> {
    return this.contacts.restore(id, version);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission('crm.contacts:merge')
  @ApiOperation({
    summary: 'Merge a duplicate into this contact',
    description: "Fills this contact's empty fields from the duplicate, moves its activities and converted leads here and deletes it; the audit log keeps its history.",
  })
  @ApiOkResponse({ type: MergeContactResponseDto, headers: ETAG_HEADER })
  @ApiProblemResponses(404, 422)
  @ApiIfMatch({ required: false })
  mergeContact(
    @Param('id', ParseUuidPipe) id: string,
    @IfMatch({ optional: true }) version: number | undefined,
    @Body() dto: MergeContactDto,
  ): Promise<MergeContactResponseDto> {
    return this.merging.merge(id, version, dto);
  }

  @Get(':id/timeline')
  @RequirePermission('crm.contacts:read')
  @ApiOperation({ summary: "The contact's activities and recorded changes, newest first", description: 'Activities appear with crm.activities:read; without it, only the recorded changes.' })
  @ApiOkResponse({ type: TimelinePageDto })
  @ApiProblemResponses(404)
  getContactTimeline(@Param('id', ParseUuidPipe) id: string, @Query() query: TimelineQueryDto): Promise<TimelinePageDto> {
    return this.timelines.timeline('contact', id, query);
  }
}
