import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { addressLines, COLORS, dayAsDate, din5008Document, mm } from './din5008-frame';
import { LABELS, Labels } from './labels';
import type {
  AppointmentConfirmationPdfData,
  CancellationPdfData,
  DocumentRequestPdfData,
  InvoicePdfData,
  IsfpCoverPdfData,
  LetterPdfData,
  PdfDataByKind,
  PdfKind,
  PdfLanguage,
  PdfLetterhead,
  QuotePdfData,
} from './pdf-data';
import { formatDay, formatMoney, formatQuantity, formatRate, toRuns } from './template-engine';

/** The template's blocks after rendering (plain text with `**bold**`). */
export type RenderedBlocks = Record<string, string>;

export interface LayoutInput<K extends PdfKind> {
  kind: K;
  language: PdfLanguage;
  data: PdfDataByKind[K];
  blocks: RenderedBlocks;
  letterhead: PdfLetterhead;
}

/** The pdfmake document of a kind: the DIN 5008 frame around the kind's body, or the iSFP cover page. */
export function layoutDocument<K extends PdfKind>(input: LayoutInput<K>): TDocumentDefinitions {
  const labels = LABELS[input.language];
  const { blocks, language } = input;
  switch (input.kind) {
    case 'quote':
    case 'invoice':
    case 'cancellation': {
      const data = input.data as QuotePdfData | InvoicePdfData | CancellationPdfData;
      return din5008Document({
        language,
        letterhead: input.letterhead,
        recipient: data.recipient,
        info: commercialInfo(input.kind, data, labels, language),
        reference: `${numberLabel(input.kind, labels)} ${data.number}`,
        title: plain(blocks.subject ?? data.number),
        documentDate: data.documentDate,
        body: [...opening(blocks), linesTable(data, labels, language), totalsTable(data, labels, language), ...notes(blocks, data.legalNotes, data.notes ?? []), ...closing(blocks)],
      });
    }
    case 'letter': {
      const data = input.data as LetterPdfData;
      return din5008Document({
        language,
        letterhead: input.letterhead,
        recipient: data.recipient,
        info: infoRows([[labels.date, formatDay(data.documentDate, language)], [labels.customerNumber, data.customerNumber], [labels.project, data.projectReference]]),
        reference: plain(blocks.subject ?? ''),
        title: plain(blocks.subject ?? ''),
        documentDate: data.documentDate,
        body: [...opening(blocks), ...paragraphs(blocks.body ?? ''), ...closing(blocks)],
      });
    }
    case 'document_request': {
      const data = input.data as DocumentRequestPdfData;
      const items: Content = {
        ol: data.items.map((item) => ({ stack: [{ text: `${item.title}${item.required ? ' *' : ''}`, bold: true }, ...(item.instructions ? [{ text: item.instructions, color: COLORS.MUTED, fontSize: 9 }] : [])], margin: [0, 0, 0, 4] })),
        margin: [0, 4, 0, 8],
      };
      return din5008Document({
        language,
        letterhead: input.letterhead,
        recipient: data.recipient,
        info: infoRows([[labels.date, formatDay(data.documentDate, language)], [labels.dueBy, formatDay(data.dueDate, language)]]),
        reference: plain(blocks.subject ?? ''),
        title: plain(blocks.subject ?? ''),
        documentDate: data.documentDate,
        body: [...opening(blocks), items, { text: plain(blocks.link ?? data.uploadUrl), color: COLORS.ACCENT, link: data.uploadUrl, margin: [0, 0, 0, 10] }, ...closing(blocks)],
      });
    }
    case 'appointment_confirmation': {
      const data = input.data as AppointmentConfirmationPdfData;
      const when = berlinDateTimeRange(data.startsAt, data.endsAt, language);
      const details: Content = {
        table: { widths: [mm(35), '*'], body: infoRows([[labels.when, when], [labels.where, data.location], [labels.consultant, data.consultant]]).map(([label, value]) => [{ text: label, color: COLORS.MUTED }, { text: value, bold: true }]) },
        layout: 'noBorders',
        margin: [0, 4, 0, 10],
      };
      return din5008Document({
        language,
        letterhead: input.letterhead,
        recipient: data.recipient,
        info: infoRows([[labels.date, formatDay(data.documentDate, language)]]),
        reference: plain(blocks.subject ?? ''),
        title: plain(blocks.subject ?? ''),
        documentDate: data.documentDate,
        body: [...opening(blocks), details, ...closing(blocks)],
      });
    }
    case 'isfp_cover':
      return isfpCover(input.data as IsfpCoverPdfData, blocks, input.letterhead);
    default:
      throw new Error(`no layout for ${String(input.kind)}`);
  }
}

function numberLabel(kind: PdfKind, labels: Labels): string {
  return kind === 'quote' ? labels.quoteNumber : kind === 'invoice' ? labels.invoiceNumber : labels.cancellationNumber;
}

function commercialInfo(kind: PdfKind, data: QuotePdfData | InvoicePdfData | CancellationPdfData, labels: Labels, language: PdfLanguage): [string, string][] {
  const invoice = kind === 'quote' ? undefined : (data as InvoicePdfData);
  return infoRows([
    [numberLabel(kind, labels), data.number],
    [labels.date, formatDay(data.documentDate, language)],
    [labels.customerNumber, data.customerNumber],
    [labels.project, data.projectReference],
    [labels.validUntil, kind === 'quote' ? formatDay((data as QuotePdfData).validUntil, language) : null],
    [labels.serviceDate, invoice?.serviceDate ? formatDay(invoice.serviceDate, language) : null],
    [labels.servicePeriod, invoice?.servicePeriod ? `${formatDay(invoice.servicePeriod.from, language)} – ${formatDay(invoice.servicePeriod.to, language)}` : null],
    [labels.dueDate, invoice ? formatDay(invoice.dueDate, language) : null],
  ]);
}

function infoRows(rows: [string, string | null | undefined][]): [string, string][] {
  return rows.filter((row): row is [string, string] => Boolean(row[1]));
}

function opening(blocks: RenderedBlocks): Content[] {
  return [
    ...(blocks.subject ? [{ text: toRuns(blocks.subject), bold: true, fontSize: 11, margin: [0, 0, 0, mm(6)] } as Content] : []),
    ...(blocks.salutation ? [{ text: toRuns(blocks.salutation), margin: [0, 0, 0, 6] } as Content] : []),
    ...(blocks.intro ? paragraphs(blocks.intro) : []),
  ];
}

function closing(blocks: RenderedBlocks): Content[] {
  return [
    ...(blocks.closing ? paragraphs(blocks.closing) : []),
    ...(blocks.signoff ? [{ text: toRuns(blocks.signoff), margin: [0, 6, 0, mm(10)] } as Content] : []),
    ...(blocks.signature ? [{ text: toRuns(blocks.signature) } as Content] : []),
  ];
}

/** Blank-line separated paragraphs; single newlines stay line breaks. */
function paragraphs(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim())
    .map((paragraph) => ({ text: toRuns(paragraph), margin: [0, 0, 0, 8] }) as Content);
}

function plain(text: string): string {
  return toRuns(text)
    .map((run) => run.text)
    .join('');
}

function linesTable(data: QuotePdfData | InvoicePdfData, labels: Labels, language: PdfLanguage): Content {
  const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({ text, bold: true, fontSize: 8.5, color: COLORS.INK, fillColor: '#eef2f0', alignment });
  const right = (text: string): TableCell => ({ text, alignment: 'right', noWrap: true });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [mm(9), '*', mm(13), mm(16), mm(22), mm(24), mm(11)],
      body: [
        [head(labels.position), head(labels.description), head(labels.quantity, 'right'), head(labels.unit), head(labels.unitPrice, 'right'), head(labels.amount, 'right'), head(labels.vat, 'right')],
        ...data.lines.map((line) => [
          { text: line.position },
          { text: line.description },
          right(formatQuantity(line.quantity, language)),
          { text: line.unit },
          right(formatMoney(line.unitPriceCents, language)),
          right(formatMoney(line.netCents, language)),
          right(formatRate(line.vatRateBasisPoints, language)),
        ]),
      ],
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 0.6 : 0.25),
      vLineWidth: () => 0,
      hLineColor: () => '#c5ccd3',
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: 8.5,
    margin: [0, 4, 0, 6],
  };
}

function totalsTable(data: QuotePdfData | InvoicePdfData, labels: Labels, language: PdfLanguage): Content {
  const row = (label: string, value: string, bold = false) => [
    { text: label, bold, alignment: 'right' as const },
    { text: value, bold, alignment: 'right' as const, noWrap: true },
  ];
  return {
    columns: [
      { text: '', width: '*' },
      {
        width: 'auto',
        table: {
          widths: ['auto', mm(28)],
          body: [
            row(labels.net, formatMoney(data.totals.netCents, language)),
            ...data.totals.perRate.map((rate) => row(labels.vatOn(formatRate(rate.rateBasisPoints, language), formatMoney(rate.netCents, language)), formatMoney(rate.vatCents, language))),
            row(labels.gross, formatMoney(data.totals.grossCents, language), true),
          ],
        },
        layout: { hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === node.table.body.length - 1 ? 0.8 : 0), vLineWidth: () => 0, hLineColor: () => COLORS.INK },
        fontSize: 9,
      },
    ],
    margin: [0, 0, 0, 12],
  };
}

function notes(blocks: RenderedBlocks, legalNotes: string[], extra: string[]): Content[] {
  const texts = [...legalNotes.map((note) => blocks[`note_${note}`]).filter((text): text is string => Boolean(text)), ...extra];
  return texts.map((text) => ({ text: toRuns(text), fontSize: 8.5, color: COLORS.MUTED, margin: [0, 0, 0, 6] }) as Content);
}

function berlinDateTimeRange(startsAt: string, endsAt: string, language: PdfLanguage): string {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(startsAt));
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return `${day}, ${time(startsAt)}–${time(endsAt)}${language === 'de' ? ' Uhr' : ''}`;
}

function isfpCover(data: IsfpCoverPdfData, blocks: RenderedBlocks, letterhead: PdfLetterhead): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [mm(25), mm(25), mm(20), mm(25)],
    info: { title: plain(blocks.title ?? 'iSFP'), author: letterhead.name, creator: letterhead.name, producer: 'Renewa', creationDate: dayAsDate(data.documentDate), modDate: dayAsDate(data.documentDate) },
    defaultStyle: { font: 'DejaVuSans', fontSize: 11, color: COLORS.INK, lineHeight: 1.3 },
    content: [
      { text: letterhead.name, bold: true, fontSize: 13, color: COLORS.ACCENT },
      { text: `${letterhead.street} · ${letterhead.postalCode} ${letterhead.city}`, fontSize: 8, color: COLORS.MUTED, margin: [0, 0, 0, mm(55)] },
      { canvas: [{ type: 'rect', x: 0, y: 0, w: mm(12), h: mm(2), color: COLORS.ACCENT }], margin: [0, 0, 0, mm(6)] },
      { text: toRuns(blocks.title ?? ''), fontSize: 26, bold: true, margin: [0, 0, 0, mm(4)] },
      { text: toRuns(blocks.subtitle ?? ''), fontSize: 14, color: COLORS.MUTED, margin: [0, 0, 0, mm(30)] },
      { text: toRuns(blocks.prepared_for ?? ''), margin: [0, 0, 0, 2] },
      { text: addressLines(data.recipient).slice(1).join(', '), fontSize: 9, color: COLORS.MUTED, margin: [0, 0, 0, mm(6)] },
      { text: toRuns(blocks.prepared_by ?? ''), margin: [0, 0, 0, 2] },
      ...(data.projectReference ? [{ text: data.projectReference, fontSize: 9, color: COLORS.MUTED }] : []),
      { text: toRuns(blocks.date_line ?? ''), margin: [0, mm(6), 0, 0] },
    ],
    footer: { text: toRuns(blocks.disclaimer ?? ''), fontSize: 7.5, color: COLORS.MUTED, margin: [mm(25), 0, mm(20), 0] },
  };
}
