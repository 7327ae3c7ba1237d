import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { einvoiceArtefacts, type EInvoiceArtefacts } from './einvoice-artefacts';
import { en16931Sef, xrechnungSef } from './sef-cache';

// saxon-js ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SaxonJS = require('saxon-js') as {
  transform(options: Record<string, unknown>, mode: 'sync'): { principalResult: string };
};

/** One rule finding of a Schematron run (SVRL `failed-assert` / `successful-report`). */
export interface RuleFinding {
  id: string;
  /** `fatal` is an error; `warning` / `information` are not. */
  flag: string;
  location: string;
  text: string;
}

export interface EInvoiceValidationReport {
  /** Passed the XSD and has no fatal finding. */
  valid: boolean;
  xsdErrors: string[];
  en16931: RuleFinding[];
  /** `null` when the XRechnung rules were not run (Factur-X EN 16931 profile). */
  xrechnung: RuleFinding[] | null;
  /** Ids of fatal findings, e.g. `['BR-CO-15', 'BR-DE-15']`. */
  errors: string[];
  warnings: string[];
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITIES[name]);

function attribute(attributes: string, name: string): string {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
  return match ? decode(match[1]) : '';
}

/** The findings of an SVRL report. */
export function svrlFindings(svrl: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const pattern = /<svrl:(failed-assert|successful-report)\b([^>]*)>([\s\S]*?)<\/svrl:\1>/g;
  for (let match = pattern.exec(svrl); match; match = pattern.exec(svrl)) {
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[3]);
    findings.push({
      id: attribute(match[2], 'id'),
      flag: attribute(match[2], 'flag') || 'fatal',
      location: attribute(match[2], 'location'),
      text: decode((text?.[1] ?? '').replace(/\s+/g, ' ').trim()),
    });
  }
  return findings;
}

/**
 * Validates CII invoices the way the official tooling does, with the published artefacts:
 * the UN/CEFACT CII D16B XSD (xmllint-wasm), the CEN EN 16931 CII rules and the KoSIT XRechnung
 * rules (both as SEF run by saxon-js). Create once (compiling the rules takes from seconds up to
 * minutes on a cold cache), then validate many invoices (~0.1–0.5 s each).
 */
export class EInvoiceValidator {
  private constructor(
    private readonly artefacts: EInvoiceArtefacts,
    private readonly schemas: { fileName: string; contents: string }[],
    private readonly en16931: unknown,
    private readonly xrechnungRules: unknown,
  ) {}

  static async create(artefacts: EInvoiceArtefacts = einvoiceArtefacts()): Promise<EInvoiceValidator> {
    const schemas = readdirSync(artefacts.ciiSchemaDir)
      .filter((name) => name.endsWith('.xsd'))
      .map((name) => ({ fileName: name, contents: readFileSync(join(artefacts.ciiSchemaDir, name), 'utf8') }));
    const [en, xr] = await Promise.all([en16931Sef(artefacts), xrechnungSef(artefacts)]);
    const load = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
    return new EInvoiceValidator(artefacts, schemas, load(en), load(xr));
  }

  /** XSD + EN 16931; with `xrechnung: true` (default) also the XRechnung national rules. */
  async validate(xml: string, options: { xrechnung?: boolean } = {}): Promise<EInvoiceValidationReport> {
    const xsdErrors = await this.xsd(xml);
    const en16931 = this.schematron(this.en16931, xml);
    const xrechnung = options.xrechnung === false ? null : this.schematron(this.xrechnungRules, xml);
    const findings = [...en16931, ...(xrechnung ?? [])];
    const errors = findings.filter((f) => f.flag === 'fatal').map((f) => f.id);
    const warnings = findings.filter((f) => f.flag !== 'fatal').map((f) => f.id);
    return { valid: xsdErrors.length === 0 && errors.length === 0, xsdErrors, en16931, xrechnung, errors, warnings };
  }

  private async xsd(xml: string): Promise<string[]> {
    const root = this.schemas.find((s) => s.fileName === this.artefacts.ciiRootSchema);
    if (!root) throw new Error(`CII root schema ${this.artefacts.ciiRootSchema} missing`);
    const result = await validateXML({
      xml: [{ fileName: 'invoice.xml', contents: xml }],
      schema: [root],
      preload: this.schemas.filter((s) => s !== root),
    });
    return result.errors.map((e) => e.message);
  }

  private schematron(stylesheet: unknown, xml: string): RuleFinding[] {
    const svrl = SaxonJS.transform({ stylesheetInternal: stylesheet, sourceText: xml, destination: 'serialized' }, 'sync').principalResult;
    if (!svrl.includes('schematron-output')) throw new Error('the rules produced no SVRL report');
    return svrlFindings(svrl);
  }
}
