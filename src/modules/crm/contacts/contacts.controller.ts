import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { DUPLICATES_PROBLEM } from '../shared/duplicates.dto';
import {
  ContactPageDto,
  ContactResponseDto,
  CreateContactDto,
  ExportContactsQueryDto,
  ListContactsQueryDto,
  MergeContactDto,
  MergeContactResponseDto,
  UpdateContactDto,
} from './contact.dto';
import { CONTACT_EXPORT_COLUMNS } from './contact.mapper';
import { ContactMergeService } from './contact-merge.service';
import { ContactsService } from './contacts.service';

@ApiTags('crm')
@Controller('contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly merging: ContactMergeService,
  ) {}

  @Post()
  @Operation({
    permission: 'crm.contacts:create',
    summary: 'Create a contact',
    description: 'A contact sharing e-mail or phone with existing leads or contacts is a 409 listing them, unless `allowDuplicates` is true.',
    created: ContactResponseDto,
    problems: [403, 422, DUPLICATES_PROBLEM],
    idempotent: true,
  })
  createContact(@Body() dto: CreateContactDto): Promise<ContactResponseDto> {
    return this.contacts.create(dto);
  }

  @Get()
  @Operation({ permission: 'crm.contacts:read', summary: 'List contacts', description: "`q` also matches the name of the contact's company.", ok: ContactPageDto })
  listContacts(@Query() query: ListContactsQueryDto): Promise<Page<ContactResponseDto>> {
    return this.contacts.list(query);
  }

  @Get('export')
  @Operation({ permission: 'crm.contacts:read', summary: 'Export contacts as CSV', description: 'Same filters and sort as the list; streamed, every matching row.', csv: true })
  exportContacts(@Query() query: ExportContactsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('contacts'), CONTACT_EXPORT_COLUMNS, this.contacts.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'crm.contacts:read', summary: 'A contact (ETag: its version)', ok: ContactResponseDto, problems: [404] })
  getContact(@UuidParam() id: string): Promise<ContactResponseDto> {
    return this.contacts.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'crm.contacts:update', summary: 'Change a contact (If-Match)', ok: ContactResponseDto, problems: [403, 404, 409, 422], ifMatch: 'required' })
  updateContact(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateContactDto): Promise<ContactResponseDto> {
    return this.contacts.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'crm.contacts:delete', summary: 'Soft-delete a contact (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteContact(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.contacts.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({
    permission: 'crm.contacts:delete',
    summary: 'Restore a soft-deleted contact (not one that was merged)',
    ok: ContactResponseDto,
    problems: [404, 409],
    ifMatch: 'optional',
    idempotent: true,
  })
  restoreContact(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ContactResponseDto> {
    return this.contacts.restore(id, version);
  }

  @Post(':id/merge')
  @Operation({
    permission: 'crm.contacts:merge',
    summary: 'Merge a duplicate into this contact',
    description: "Fills this contact's empty fields from the duplicate, moves its activities and converted leads here and deletes it; the audit log keeps its history.",
    ok: MergeContactResponseDto,
    problems: [404, 422],
    ifMatch: 'optional',
    idempotent: true,
  })
  mergeContact(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: MergeContactDto): Promise<MergeContactResponseDto> {
    return this.merging.merge(id, version, dto);
  }
}
