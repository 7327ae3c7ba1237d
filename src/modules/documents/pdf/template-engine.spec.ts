import { formatDay, formatMoney, TemplateEngine, toRuns } from './template-engine';

describe('PDF template engine', () => {
  const engine = new TemplateEngine();

  it('renders variables and filters in the document language', () => {
    expect(engine.render('Summe {{ total | money }} bis {{ due | day }}', { total: 123456, due: '2026-12-24' }, 'de').replace(/\u00a0/g, ' ')).toBe('Summe 1.234,56 € bis 24.12.2026');
    expect(engine.render('Total {{ total | money }} by {{ due | day }}', { total: 123456, due: '2026-12-24' }, 'en')).toBe('Total €1,234.56 by 24 December 2026');
  });

  it('escapes values so data cannot add markup', () => {
    const rendered = engine.render('**Name:** {{ name }}', { name: '**fett** \\ ' }, 'de');
    expect(toRuns(rendered)).toEqual([{ text: 'Name:', bold: true }, { text: ' **fett** \\ ' }]);
  });

  it('refuses unknown variables and filters, and cannot reach files or code', () => {
    expect(() => engine.render('{{ missing }}', {}, 'de')).toThrow(/undefined variable/);
    expect(() => engine.render('{{ 1 | shell }}', {}, 'de')).toThrow(/undefined filter/);
    expect(() => engine.render("{% include '/etc/passwd' %}", {}, 'de')).toThrow();
    expect(() => engine.render('{{ name.constructor }}', { name: 'x' }, 'de')).toThrow(/undefined variable/);
  });

  it('treats a missing optional value as false in conditions', () => {
    expect(engine.render('A{% if funding.applicationNumber %}, {{ funding.applicationNumber }}{% endif %}', { funding: { programme: 'BEG' } }, 'de')).toBe('A');
  });

  it('formats dates and money', () => {
    expect(formatDay('2026-01-05', 'de')).toBe('05.01.2026');
    expect(formatMoney(-5, 'de').replace(/\u00a0/g, ' ')).toBe('-0,05 €');
  });
});
