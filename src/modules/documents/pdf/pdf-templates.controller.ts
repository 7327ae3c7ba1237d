import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UuidParam } from '@libs/http';
import { Operation } from '@libs/resource';
import { contentDisposition } from '../files/upload-rules';
import { CreatePdfTemplateVersionDto, ListPdfTemplatesQueryDto, PdfTemplateResponseDto, PreviewPdfDto } from './pdf-template.dto';
import { PdfTemplatesService } from './pdf-templates.service';

@ApiTags('documents')
@Controller('pdf-templates')
export class PdfTemplatesController {
  constructor(private readonly templates: PdfTemplatesService) {}

  @Get()
  @Operation({ permission: 'documents.templates:read', summary: 'PDF template versions (newest first per kind and language)', ok: [PdfTemplateResponseDto] })
  listPdfTemplates(@Query() query: ListPdfTemplatesQueryDto): Promise<PdfTemplateResponseDto[]> {
    return this.templates.list(query.kind);
  }

  @Post('preview')
  @Operation({ permission: 'documents.templates:read', summary: 'Render a template version with sample data (PDF)', file: true, problems: [404, 422] })
  async previewPdfTemplate(@Body() dto: PreviewPdfDto, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.templates.preview(dto.kind, dto.language, dto.templateId);
    await reply
      .code(200)
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', contentDisposition(`preview-${dto.kind}-${dto.language}.pdf`, 'inline'))
      .header('ETag', `"${pdf.sha256}"`)
      .send(pdf.bytes);
  }

  @Get(':id')
  @Operation({ permission: 'documents.templates:read', summary: 'A PDF template version', ok: PdfTemplateResponseDto, problems: [404] })
  getPdfTemplate(@UuidParam() id: string): Promise<PdfTemplateResponseDto> {
    return this.templates.get(id);
  }

  @Post()
  @Operation({ permission: 'documents.templates:update', summary: 'Add a new version of a PDF template (checked by rendering sample data)', created: PdfTemplateResponseDto, problems: [422], idempotent: true })
  createPdfTemplateVersion(@Body() dto: CreatePdfTemplateVersionDto): Promise<PdfTemplateResponseDto> {
    return this.templates.createVersion(dto);
  }
}
