import type { Content, ContextPageSize, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PdfLanguage, PdfLetterhead, PdfRecipient } from './pdf-data';
import { LABELS } from './labels';

/** Millimetres to PDF points. */
export const mm = (value: number) => (value * 72) / 25.4;

const INK = '#1f2933';
const MUTED = '#5f6b7a';
const ACCENT = '#1d6b4f';

export interface FrameInput {
  language: PdfLanguage;
  letterhead: PdfLetterhead;
  recipient: PdfRecipient;
  /** Label/value rows of the information block beside the address window. */
  info: [string, string][];
  /** Printed small at the top of the following pages. */
  reference: string;
  body: Content[];
  title: string;
  /** The document date: the PDF's creation date, so the same input gives the same bytes. */
  documentDate: string;
}

/**
 * A letter in DIN 5008 form B: letterhead above 45 mm, the address window at 20 mm from the left
 * and 45 mm from the top (return address line, then the recipient), the information block at
 * 125 mm, the subject line near 98 mm, fold marks at 105 and 210 mm and the hole mark at
 * 148.5 mm, a footer with the organisation's legal data and page numbers.
 */
export function din5008Document(input: FrameInput): TDocumentDefinitions {
  const labels = LABELS[input.language];
  const { letterhead } = input;
  const firstPage: Content[] = [
    {
      absolutePosition: { x: mm(125), y: mm(12) },
      stack: [
        { text: letterhead.name, fontSize: 12, bold: true, color: ACCENT, margin: [0, 0, 0, 3] },
        {
          text: [letterhead.street, `${letterhead.postalCode} ${letterhead.city}`, letterhead.phone && `${labels.phone} ${letterhead.phone}`, letterhead.email, letterhead.website].filter(Boolean).join('\n'),
          fontSize: 7.5,
          color: MUTED,
          lineHeight: 1.15,
        },
      ],
    },
    {
      text: `${letterhead.name} · ${letterhead.street} · ${letterhead.postalCode} ${letterhead.city}`,
      absolutePosition: { x: mm(25), y: mm(50) },
      fontSize: 6.5,
      color: MUTED,
      decoration: 'underline',
      decorationColor: MUTED,
    },
    { text: addressLines(input.recipient).join('\n'), absolutePosition: { x: mm(25), y: mm(62.7) }, fontSize: 10, lineHeight: 1.15 },
    {
      absolutePosition: { x: mm(125), y: mm(50) },
      table: { widths: [mm(27), mm(48)], body: input.info.map(([label, value]) => [{ text: label, color: MUTED }, { text: value }]) },
      layout: 'noBorders',
      fontSize: 8.5,
    },
    { text: '', margin: [0, mm(98.4) - mm(20), 0, 0] },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [mm(25), mm(20), mm(20), mm(32)],
    info: { title: input.title, author: letterhead.name, creator: letterhead.name, producer: 'Renewa', creationDate: dayAsDate(input.documentDate), modDate: dayAsDate(input.documentDate) },
    defaultStyle: { font: 'DejaVuSans', fontSize: 10, color: INK, lineHeight: 1.25 },
    background: (currentPage: number) => (currentPage === 1 ? foldMarks() : null),
    header: (currentPage: number) =>
      currentPage > 1 ? { text: `${letterhead.name} · ${input.reference}`, fontSize: 7.5, color: MUTED, margin: [mm(25), mm(10), mm(20), 0] } : null,
    footer: (currentPage: number, pageCount: number, pageSize: ContextPageSize) => footer(input.language, letterhead, currentPage, pageCount, pageSize),
    content: [...firstPage, ...input.body],
  };
}

export function addressLines(recipient: PdfRecipient): string[] {
  const lines = [recipient.name, recipient.addition, recipient.street, `${recipient.postalCode} ${recipient.city}`];
  if (recipient.countryCode && recipient.countryCode.toUpperCase() !== 'DE') lines.push(recipient.countryCode.toUpperCase());
  return lines.filter((line): line is string => Boolean(line));
}

/** Midnight UTC of the document date. */
export function dayAsDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
}

function foldMarks(): Content {
  const mark = (y: number, length: number) => ({ type: 'line' as const, x1: mm(3), y1: mm(y), x2: mm(3 + length), y2: mm(y), lineWidth: 0.4, lineColor: '#9aa5b1' });
  return { canvas: [mark(105, 5), mark(148.5, 7), mark(210, 5)] };
}

function footer(language: PdfLanguage, letterhead: PdfLetterhead, currentPage: number, pageCount: number, pageSize: ContextPageSize): Content {
  const labels = LABELS[language];
  const column = (lines: (string | null | undefined | false)[]) => ({ text: lines.filter(Boolean).join('\n'), width: '*' as const });
  return {
    margin: [mm(25), mm(6), mm(20), 0],
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: pageSize.width - mm(45), y2: 0, lineWidth: 0.5, lineColor: '#c5ccd3' }] },
      {
        columns: [
          column([letterhead.name, letterhead.street, `${letterhead.postalCode} ${letterhead.city}`, letterhead.managingDirectors && `${labels.managingDirectors}: ${letterhead.managingDirectors}`]),
          column([letterhead.register, letterhead.vatId && `${labels.vatId} ${letterhead.vatId}`, letterhead.taxNumber && `${labels.taxNumber} ${letterhead.taxNumber}`]),
          column(letterhead.bank ? [labels.bank, letterhead.bank.name, `IBAN ${letterhead.bank.iban}`, letterhead.bank.bic && `BIC ${letterhead.bank.bic}`] : []),
        ],
        columnGap: mm(4),
        fontSize: 6.5,
        color: MUTED,
        lineHeight: 1.15,
        margin: [0, mm(2), 0, 0],
      },
      { text: labels.page(currentPage, pageCount), alignment: 'right', fontSize: 7, color: MUTED, margin: [0, mm(1.5), 0, 0] },
    ],
  };
}

export const COLORS = { INK, MUTED, ACCENT };
