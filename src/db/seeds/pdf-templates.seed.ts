import { pdfTemplates } from '../schema';
import { DEFAULT_LETTERHEAD, DEFAULT_TEMPLATE_BLOCKS } from '../../modules/documents/pdf/default-templates';
import { PDF_KINDS, PDF_LANGUAGES } from '../../modules/documents/pdf/pdf-data';
import { Seed, seedUuid } from './seed-utils';

/** Version 1 of the template of every kind in German and English. */
export const pdfTemplatesSeed: Seed = {
  key: 'documents.pdf-templates',
  description: 'Default PDF templates (quote, invoice, cancellation, letter, document request, appointment confirmation, iSFP cover; de/en)',
  run: async ({ db }) => {
    await db.insert(pdfTemplates).values(
      PDF_KINDS.flatMap((kind) =>
        PDF_LANGUAGES.map((language) => ({
          id: seedUuid('pdfTemplates', `${kind}:${language}:1`),
          kind,
          language,
          version: 1,
          blocks: DEFAULT_TEMPLATE_BLOCKS[kind][language],
          letterhead: { ...DEFAULT_LETTERHEAD },
        })),
      ),
    );
  },
};
