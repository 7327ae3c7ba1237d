import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../../documents/pdf/pdf-renderer';
import { EInvoiceService } from './einvoice.service';
import type { InvoiceDocument } from './invoice-document';
import { cancellationOf, finalInvoiceWithDownPayment, mixedRatesInvoice, standardInvoice } from './testing/sample-invoice-documents';
import { EInvoiceValidator } from './validation/einvoice-validator';

jest.setTimeout(15 * 60_000);

const service = new EInvoiceService();
let validator: EInvoiceValidator;
let dir: string;

beforeAll(async () => {
  validator = await EInvoiceValidator.create();
  dir = mkdtempSync(join(tmpdir(), 'factur-x-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function invoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  const rendered = await renderPdf({
    info: { title: `Rechnung ${doc.number}`, creationDate: new Date('2026-12-01T10:00:00Z') },
    defaultStyle: { font: 'DejaVuSans' },
    content: [{ text: `Rechnung ${doc.number}`, fontSize: 16 }, ...doc.lines.map((l) => `${l.position}. ${l.name}: ${l.quantity} × ${(l.unitPriceCents / 100).toFixed(2)} €`)],
  });
  return rendered.bytes;
}

/** What poppler sees in the file: the attachment list, the extracted XML, the XMP metadata. */
function inspect(pdf: Buffer, name: string) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const list = execFileSync('pdfdetach', ['-list', file], { encoding: 'utf8' });
  const xmlFile = join(dir, `${name}.xml`);
  execFileSync('pdfdetach', ['-save', '1', '-o', xmlFile, file]);
  const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
  return { list, xml: readFileSync(xmlFile, 'utf8'), meta };
}

describe('ZUGFeRD / Factur-X EN 16931', () => {
  it.each([
    ['standard', standardInvoice],
    ['mixed rates', mixedRatesInvoice],
    ['final invoice with down payment', finalInvoiceWithDownPayment],
    ['cancellation', () => cancellationOf(standardInvoice())],
  ])('%s: PDF/A-3 with factur-x.xml that passes the XSD and EN 16931 (and XRechnung\'s rules)', async (name, build) => {
    const doc = build();
    const pdf = await service.facturX(doc, await invoicePdf(doc));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { list, xml, meta } = inspect(pdf, name.replace(/\W+/g, '-'));
    expect(list).toMatch(/1 embedded files/);
    expect(list).toContain('factur-x.xml');
    expect(xml).toContain('<ram:ID>urn:cen.eu:en16931:2017</ram:ID>');
    expect(xml).toContain(`<ram:ID>${doc.number}</ram:ID>`);
    const report = await validator.validate(xml, { xrechnung: false });
    expect(report.xsdErrors).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    // The same data also meets the German national rules (only BR-DE-21, the XRechnung guideline id, is a warning).
    const national = await validator.validate(xml);
    expect(national.errors).toEqual([]);
    // Factur-X XMP: PDF/A-3B and the Factur-X extension schema naming the attachment and profile.
    expect(meta).toMatch(/pdfaid:part>3<|pdfaid:part="3"/);
    expect(meta).toMatch(/pdfaid:conformance>B<|pdfaid:conformance="B"/);
    expect(meta).toMatch(/fx:DocumentFileName>factur-x\.xml</);
    expect(meta).toMatch(/fx:DocumentType>INVOICE</);
    expect(meta).toMatch(/fx:ConformanceLevel>EN 16931</);
    expect(meta).toContain('urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#');
  });

  it('keeps the visible invoice: the PDF still shows the rendered text', async () => {
    const doc = standardInvoice();
    const pdf = await service.facturX(doc, await invoicePdf(doc));
    const file = join(dir, 'text.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(`Rechnung ${doc.number}`);
  });
});
