import { detectDelimiter, normalizeHeader, parseLeadRow } from './lead-csv';

describe('lead CSV rows', () => {
  it('turns a complete row into the same DTO the API accepts', () => {
    const parsed = parseLeadRow(
      {
        source: 'website_form',
        first_name: ' Anna ',
        last_name: 'Schmidt',
        email: 'Anna.Schmidt@Example.DE',
        phone: '030 1234567',
        interests: 'heat_pump | photovoltaics',
        property_street: 'Hauptstr. 1',
        property_postal_code: '10115',
        property_city: 'Berlin',
        year_built: '1968',
        living_area_m2: '142,5',
        owner_occupied: 'ja',
        estimated_value_cents: '2500000',
        company_name: '',
      },
      2,
    );
    expect(parsed).toEqual({
      ok: true,
      dto: expect.objectContaining({
        source: 'website_form',
        firstName: 'Anna',
        lastName: 'Schmidt',
        email: 'anna.schmidt@example.de',
        phone: '+49301234567',
        interests: ['heat_pump', 'photovoltaics'],
        propertyAddress: expect.objectContaining({ street: 'Hauptstr. 1', postalCode: '10115', city: 'Berlin' }),
        yearBuilt: 1968,
        livingAreaM2: 142.5,
        ownerOccupied: true,
        estimatedValueCents: 2500000,
      }),
    });
    if (parsed.ok) expect(parsed.dto.companyName).toBeUndefined();
  });

  it('reports every bad cell with its row number and column', () => {
    const parsed = parseLeadRow(
      { source: 'fax', email: 'not-an-email', phone: 'call me', year_built: 'nineteen', property_postal_code: '1011', interests: 'heat_pump|sauna', owner_occupied: 'maybe' },
      7,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const fields = parsed.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['email', 'interests', 'owner_occupied', 'phone', 'property_postal_code', 'source', 'year_built'].sort());
    expect(parsed.errors.every((e) => e.row === 7 && e.message.length > 0)).toBe(true);
    expect(parsed.errors.find((e) => e.field === 'year_built')?.message).toBe('year_built is not a whole number');
  });

  it('requires the source and applies the status rules', () => {
    expect(parseLeadRow({ last_name: 'X' }, 3)).toEqual({ ok: false, errors: [expect.objectContaining({ row: 3, field: 'source' })] });
    expect(parseLeadRow({ source: 'phone', status: 'lost' }, 4)).toEqual({
      ok: false,
      errors: [{ row: 4, field: 'lost_reason', message: 'lost_reason is required when status is lost' }],
    });
    expect(parseLeadRow({ source: 'phone', status: 'converted' }, 5)).toMatchObject({ ok: false, errors: [{ field: 'status' }] });
    expect(parseLeadRow({ source: 'phone', status: 'lost', lost_reason: 'no_budget' }, 6)).toMatchObject({ ok: true });
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('source,first_name,last_name')).toBe(',');
    expect(detectDelimiter('Source;First Name;Living Area, m2')).toBe(';');
    expect(detectDelimiter('source')).toBe(',');
  });

  it('normalises headers as people write them', () => {
    expect(normalizeHeader(' First Name ')).toBe('first_name');
    expect(normalizeHeader('property-postal-code')).toBe('property_postal_code');
    expect(normalizeHeader('E-Mail')).toBe('email');
  });
});
