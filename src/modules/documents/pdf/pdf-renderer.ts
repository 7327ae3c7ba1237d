import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// pdfmake keeps its fonts and access policies in one module-level instance.
interface PdfMake {
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

/** DejaVu Sans from the npm package (same bytes everywhere): full Latin-1 and €. */
export const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

let configured: PdfMake | undefined;

/** pdfmake (with pdfkit, fontkit and their font data) is loaded on the first PDF, not at boot (bench/boot). */
function configure(): PdfMake {
  if (configured) return configured;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pdfmake = require('pdfmake') as PdfMake;
  pdfmake.addFonts({
    DejaVuSans: {
      normal: join(FONT_DIR, 'DejaVuSans.ttf'),
      bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
      italics: join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
      bolditalics: join(FONT_DIR, 'DejaVuSans-BoldOblique.ttf'),
    },
  });
  // Documents never fetch anything: no URLs, and only the font files from disk.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  return (configured = pdfmake);
}

export interface RenderedPdf {
  bytes: Buffer;
  sha256: string;
}

/** The PDF bytes of a document definition (fonts embedded as subsets; dates come from the definition). */
export async function renderPdf(definition: TDocumentDefinitions): Promise<RenderedPdf> {
  const bytes = await configure().createPdf(definition).getBuffer();
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
