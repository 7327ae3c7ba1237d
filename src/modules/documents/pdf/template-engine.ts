import type { Liquid } from 'liquidjs';
import type { PdfLanguage } from './pdf-data';

const LOCALES: Record<PdfLanguage, string> = { de: 'de-DE', en: 'en-GB' };

/** Cents as money in the document's language: `1.234,56 €` / `€1,234.56`. */
export function formatMoney(cents: number, language: PdfLanguage): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** An ISO date (YYYY-MM-DD) as a calendar date: `20.11.2026` / `20 November 2026`. */
export function formatDay(iso: string, language: PdfLanguage): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const options: Intl.DateTimeFormatOptions = language === 'de' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(LOCALES[language], { ...options, timeZone: 'UTC' }).format(date);
}

/** A decimal string ("12.5") in the document's language ("12,5"). */
export function formatQuantity(quantity: string, language: PdfLanguage): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 3 }).format(Number(quantity));
}

/** Basis points as a rate: 1900 → `19 %` / `19%`. */
export function formatRate(basisPoints: number, language: PdfLanguage): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/**
 * The template language: Liquid, which has no way to run code. Every value printed is escaped so
 * data cannot add markup (`**bold**` is the only markup), and an unknown variable is an error
 * (a misspelt name must not silently print nothing).
 */
export class TemplateEngine {
  private readonly engines = new Map<PdfLanguage, Liquid>();

  render(source: string, data: object, language: PdfLanguage): string {
    return this.engine(language).parseAndRenderSync(source, data as Record<string, unknown>);
  }

  /** Parses a template without rendering it (refuses syntax errors). */
  check(source: string): void {
    this.engine('de').parse(source);
  }

  private engine(language: PdfLanguage): Liquid {
    let engine = this.engines.get(language);
    if (!engine) {
      // Loaded with the first template, not at boot (bench/boot).
      const { Liquid: Engine } = require('liquidjs') as typeof import('liquidjs');
      engine = new Engine({ strictVariables: true, strictFilters: true, lenientIf: true, outputEscape: escapeMarkup, ownPropertyOnly: true, relativeReference: false, fs: NO_FILES });
      engine.registerFilter('day', (value: unknown) => (typeof value === 'string' ? formatDay(value, language) : ''));
      engine.registerFilter('money', (value: unknown) => (typeof value === 'number' ? formatMoney(value, language) : ''));
      this.engines.set(language, engine);
    }
    return engine;
  }
}

/** Templates cannot include files. */
const NO_FILES = {
  readFileSync: () => {
    throw new Error('templates cannot include files');
  },
  readFile: () => Promise.reject(new Error('templates cannot include files')),
  existsSync: () => false,
  exists: () => Promise.resolve(false),
  contains: () => Promise.resolve(false),
  resolve: (_root: string, file: string) => file,
};

function escapeMarkup(value: unknown): string {
  return String(value ?? '').replace(/[\\*]/g, (char) => `\\${char}`);
}

export interface TextRun {
  text: string;
  bold?: boolean;
}

/** Splits rendered text into runs: `**bold**` toggles bold; `\*` and `\\` are literal. */
export function toRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let current = '';
  let bold = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (char === '*' && text[i + 1] === '*') {
      if (current) runs.push(bold ? { text: current, bold } : { text: current });
      current = '';
      bold = !bold;
      i++;
    } else {
      current += char;
    }
  }
  if (current) runs.push(bold ? { text: current, bold } : { text: current });
  return runs;
}
