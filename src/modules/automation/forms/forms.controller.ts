import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { CreateFormDto, FormPageDto, FormResponseDto, FormSubmissionDto, FormSubmissionPageDto, ListFormsQueryDto, ListFormSubmissionsQueryDto, UpdateFormDto } from './form.dto';
import { FormsService } from './forms.service';

@ApiTags('automation')
@Controller()
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Post('forms')
  @Operation({ permission: 'automation.forms:create', summary: 'Create a public form (version 1)', created: FormResponseDto, problems: [409, 422], idempotent: true })
  createForm(@Body() dto: CreateFormDto): Promise<FormResponseDto> {
    return this.forms.create(dto);
  }

  @Get('forms')
  @Operation({ permission: 'automation.forms:read', summary: 'List forms', ok: FormPageDto })
  listForms(@Query() query: ListFormsQueryDto): Promise<Page<FormResponseDto>> {
    return this.forms.list(query);
  }

  @Get('forms/:id')
  @Operation({ permission: 'automation.forms:read', summary: 'A form (ETag: its version)', ok: FormResponseDto, problems: [404] })
  getForm(@UuidParam() id: string): Promise<FormResponseDto> {
    return this.forms.get(id);
  }

  @Patch('forms/:id')
  @Operation({ permission: 'automation.forms:update', summary: 'Change a form (If-Match): a new version', ok: FormResponseDto, problems: [404, 422], ifMatch: 'required' })
  updateForm(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateFormDto): Promise<FormResponseDto> {
    return this.forms.update(id, version, dto);
  }

  @Delete('forms/:id')
  @Operation({ permission: 'automation.forms:delete', summary: 'Soft-delete a form (If-Match): it takes no more submissions', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteForm(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.forms.remove(id, version);
  }

  @Post('forms/:id/restore')
  @Operation({ permission: 'automation.forms:delete', summary: 'Restore a soft-deleted form', ok: FormResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreForm(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<FormResponseDto> {
    return this.forms.restore(id, version);
  }

  @Get('form-submissions')
  @Operation({ permission: 'automation.forms:read', summary: 'Submissions, newest first: accepted, and rejected with the reason', ok: FormSubmissionPageDto })
  listFormSubmissions(@Query() query: ListFormSubmissionsQueryDto): Promise<Page<FormSubmissionDto>> {
    return this.forms.listSubmissions(query);
  }
}
