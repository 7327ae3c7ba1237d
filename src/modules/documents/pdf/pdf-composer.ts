import type { PdfDataByKind, PdfKind, PdfLanguage, PdfLetterhead } from './pdf-data';
import { layoutDocument, RenderedBlocks } from './pdf-layouts';
import { renderPdf, RenderedPdf } from './pdf-renderer';
import { TemplateEngine } from './template-engine';

const engine = new TemplateEngine();

export interface TemplateContent {
  blocks: Record<string, string>;
  letterhead: PdfLetterhead;
}

/** A template failed on the data: its block and the engine's message (a 422 for the caller). */
export class TemplateRenderError extends Error {
  constructor(
    readonly block: string,
    message: string,
  ) {
    super(`block "${block}": ${message}`);
  }
}

/**
 * Renders the blocks of a template with the data and lays them out as a PDF. Pure: the same
 * template content and data give the same bytes. Legal-note blocks are rendered only when the
 * data asks for them.
 */
export async function composePdf<K extends PdfKind>(kind: K, language: PdfLanguage, data: PdfDataByKind[K], template: TemplateContent): Promise<RenderedPdf> {
  const letterhead = (data as { letterhead?: PdfLetterhead }).letterhead ?? template.letterhead;
  const context = { ...data, letterhead, language };
  const wanted = new Set(((data as { legalNotes?: string[] }).legalNotes ?? []).map((note) => `note_${note}`));
  const blocks: RenderedBlocks = {};
  for (const [name, source] of Object.entries(template.blocks)) {
    if (name.startsWith('note_') && !wanted.has(name)) continue;
    try {
      blocks[name] = engine.render(source, context, language);
    } catch (error) {
      throw new TemplateRenderError(name, (error as Error).message.split('\n')[0]);
    }
  }
  return renderPdf(layoutDocument({ kind, language, data, blocks, letterhead }));
}

/** Parses every block (syntax only). */
export function checkTemplate(blocks: Record<string, string>): void {
  for (const [name, source] of Object.entries(blocks)) {
    try {
      engine.check(source);
    } catch (error) {
      throw new TemplateRenderError(name, (error as Error).message.split('\n')[0]);
    }
  }
}
