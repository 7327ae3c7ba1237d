import { Injectable } from '@nestjs/common';
import { currentActorId } from '@libs/context';
import { DocumentsErrors } from '../documents.errors';
import type { PdfKind, PdfLanguage, PdfLetterhead } from './pdf-data';
import { checkTemplate, composePdf, TemplateRenderError } from './pdf-composer';
import type { RenderedPdf } from './pdf-renderer';
import type { CreatePdfTemplateVersionDto, PdfTemplateResponseDto } from './pdf-template.dto';
import type { PdfTemplate } from './pdf-templates.schema';
import { PdfTemplatesRepository } from './pdf-templates.repository';
import { SAMPLE_DATA } from './sample-data';

const BLOCK_NAME = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_BLOCK_LENGTH = 5000;

/** Template versions: read, add a version (checked by rendering the sample data), preview. */
@Injectable()
export class PdfTemplatesService {
  constructor(private readonly repository: PdfTemplatesRepository) {}

  async list(kind?: PdfKind): Promise<PdfTemplateResponseDto[]> {
    return (await this.repository.list(kind)).map(toPdfTemplateResponse);
  }

  async get(id: string): Promise<PdfTemplateResponseDto> {
    return toPdfTemplateResponse(await this.find(id));
  }

  /** The newest version of a kind in a language (404 when none was seeded or added). */
  async current(kind: PdfKind, language: PdfLanguage): Promise<PdfTemplate> {
    const template = await this.repository.current(kind, language);
    if (!template) throw DocumentsErrors.templateNotFound(kind, language);
    return template;
  }

  /** Editing never changes a version: it adds the next one, after rendering the sample data with it. */
  /** The organisation's name as its document-request letterhead shows it (what the customer portal names). */
  async organisationName(language: PdfLanguage): Promise<string> {
    const template = await this.repository.current('document_request', language);
    const name = (template?.letterhead as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? name : '';
  }

  async createVersion(dto: CreatePdfTemplateVersionDto): Promise<PdfTemplateResponseDto> {
    for (const [name, source] of Object.entries(dto.blocks)) {
      if (!BLOCK_NAME.test(name)) throw DocumentsErrors.templateInvalid(`Block name "${name}" must be lower-case letters, digits and _.`);
      if (typeof source !== 'string' || source.length > MAX_BLOCK_LENGTH) throw DocumentsErrors.templateInvalid(`Block "${name}" must be a text of at most ${MAX_BLOCK_LENGTH} characters.`);
    }
    await this.trial(dto.kind, dto.language, dto.blocks, dto.letterhead as PdfLetterhead);
    const row = await this.repository.insertNextVersion({ kind: dto.kind, language: dto.language, blocks: dto.blocks, letterhead: { ...dto.letterhead }, createdBy: currentActorId() ?? null });
    return toPdfTemplateResponse(row);
  }

  /** The sample data rendered with a template version (the current one by default). */
  async preview(kind: PdfKind, language: PdfLanguage, templateId?: string): Promise<RenderedPdf> {
    const template = templateId ? await this.find(templateId) : await this.current(kind, language);
    if (template.kind !== kind || template.language !== language) throw DocumentsErrors.templateInvalid(`Template ${template.id} is ${template.kind}/${template.language}, not ${kind}/${language}.`);
    return this.trial(kind, language, template.blocks, template.letterhead as unknown as PdfLetterhead);
  }

  private async trial(kind: PdfKind, language: PdfLanguage, blocks: Record<string, string>, letterhead: PdfLetterhead): Promise<RenderedPdf> {
    try {
      checkTemplate(blocks);
      return await composePdf(kind, language, { ...SAMPLE_DATA[kind], legalNotes: allNotesOf(blocks) } as never, { blocks, letterhead });
    } catch (error) {
      if (error instanceof TemplateRenderError) throw DocumentsErrors.templateInvalid(`The template does not render: ${error.message}`);
      throw error;
    }
  }

  private async find(id: string): Promise<PdfTemplate> {
    const template = await this.repository.findById(id);
    if (!template) throw DocumentsErrors.templateNotFoundById(id);
    return template;
  }
}

/** Every legal note a template carries, so a trial render checks them all. */
function allNotesOf(blocks: Record<string, string>): string[] {
  return Object.keys(blocks)
    .filter((name) => name.startsWith('note_'))
    .map((name) => name.slice('note_'.length));
}

export function toPdfTemplateResponse(row: PdfTemplate): PdfTemplateResponseDto {
  return {
    id: row.id,
    kind: row.kind,
    language: row.language as PdfLanguage,
    version: row.version,
    blocks: row.blocks,
    letterhead: row.letterhead as unknown as PdfTemplateResponseDto['letterhead'],
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}
