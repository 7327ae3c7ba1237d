import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { einvoiceArtefacts, einvoiceArtefactsDir, EINVOICE_ARTEFACTS_ENV } from './einvoice-artefacts';
import { EInvoiceValidator, svrlFindings } from './einvoice-validator';

// Compiling the official rules takes up to minutes on a cold cache (then cached outside git).
jest.setTimeout(15 * 60_000);

const artefacts = einvoiceArtefacts();
const xmlFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.xml')).sort();

let validator: EInvoiceValidator;
beforeAll(async () => {
  validator = await EInvoiceValidator.create(artefacts);
});

describe('the validator accepts the official valid examples (it is the real thing)', () => {
  it.each(xmlFiles(artefacts.xrechnungValidSuite))('KoSIT XRechnung test suite %s: XSD, EN 16931 and XRechnung', async (name) => {
    const report = await validator.validate(readFileSync(join(artefacts.xrechnungValidSuite, name), 'utf8'));
    expect(report.xsdErrors).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
  });

  // CEN's examples are EN 16931 invoices, not XRechnung ones (most lack a buyer reference).
  it.each(xmlFiles(artefacts.en16931Examples))('CEN example %s: XSD and EN 16931', async (name) => {
    const report = await validator.validate(readFileSync(join(artefacts.en16931Examples, name), 'utf8'), { xrechnung: false });
    expect(report.xsdErrors).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.xrechnung).toBeNull();
  });

  it('the XRechnung rules do run: a CEN example without buyer reference fails BR-DE-15', async () => {
    const report = await validator.validate(readFileSync(join(artefacts.en16931Examples, 'CII_example1.xml'), 'utf8'));
    expect(report.errors).toContain('BR-DE-15');
  });

  it('rejects a document that is not a CII invoice at the XSD', async () => {
    const report = await validator.validate('<?xml version="1.0"?><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>');
    expect(report.valid).toBe(false);
    expect(report.xsdErrors.length).toBeGreaterThan(0);
  });
});

describe('artefact resolution and SVRL parsing', () => {
  const saved = process.env[EINVOICE_ARTEFACTS_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[EINVOICE_ARTEFACTS_ENV];
    else process.env[EINVOICE_ARTEFACTS_ENV] = saved;
  });

  it('honours the environment override and falls back when it points nowhere', () => {
    const found = einvoiceArtefactsDir();
    process.env[EINVOICE_ARTEFACTS_ENV] = found;
    expect(einvoiceArtefactsDir()).toBe(found);
    process.env[EINVOICE_ARTEFACTS_ENV] = '/nonexistent/einvoice';
    expect(einvoiceArtefactsDir()).toBe(found);
  });

  it('reads id, flag, location and text of failed asserts', () => {
    const svrl = `<svrl:schematron-output xmlns:svrl="http://purl.oclc.org/dsdl/svrl">
      <svrl:failed-assert test="x" id="BR-CO-15" flag="fatal" location="/a[1]"><svrl:text>[BR-CO-15] Total &amp; sum</svrl:text></svrl:failed-assert>
      <svrl:failed-assert location="/b" id="BR-DE-17" flag="warning"><svrl:text>w</svrl:text></svrl:failed-assert>
    </svrl:schematron-output>`;
    expect(svrlFindings(svrl)).toEqual([
      { id: 'BR-CO-15', flag: 'fatal', location: '/a[1]', text: '[BR-CO-15] Total & sum' },
      { id: 'BR-DE-17', flag: 'warning', location: '/b', text: 'w' },
    ]);
  });
});
