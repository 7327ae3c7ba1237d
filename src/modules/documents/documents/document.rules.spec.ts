import { isRetained, retentionEnd } from './document.rules';

describe('document retention (§147 AO)', () => {
  const createdAt = new Date('2026-03-01T10:00:00Z');

  it('keeps an invoice-linked document 8 years from the end of its year', () => {
    expect(retentionEnd({ documentDate: '2026-11-20', createdAt, typeRetentionYears: null, linkTypes: ['contact', 'invoice'] })).toBe('2034-12-31');
  });

  it('uses the type period, the longer of both, and the upload date without a document date', () => {
    expect(retentionEnd({ documentDate: null, createdAt, typeRetentionYears: 6, linkTypes: ['project'] })).toBe('2032-12-31');
    expect(retentionEnd({ documentDate: '2025-01-02', createdAt, typeRetentionYears: 10, linkTypes: ['invoice'] })).toBe('2035-12-31');
  });

  it('has no retention for other documents', () => {
    expect(retentionEnd({ documentDate: '2026-11-20', createdAt, typeRetentionYears: null, linkTypes: ['project', 'contact'] })).toBeNull();
  });

  it('refuses deletion up to and including the last day', () => {
    expect(isRetained('2034-12-31', '2034-12-31')).toBe(true);
    expect(isRetained('2034-12-31', '2035-01-01')).toBe(false);
    expect(isRetained(null, '2026-01-01')).toBe(false);
  });
});
