import { buildingFromIntake, intakeFromEvent, intakeFromLead, intakeTitle, projectInterests } from './lead-intake';

const PAYLOAD = {
  contactId: 'contact-1',
  companyId: null,
  interests: ['heat_pump', 'insulation', 'something_new'],
  assigneeId: 'user-1',
  departmentId: 'dept-1',
  // As the CRM's event carries it (JSON: numeric columns may arrive as strings).
  property: { street: 'Lindenallee 4', postalCode: '14050', city: 'Berlin', countryCode: 'DE', buildingType: 'single_family', yearBuilt: 1968, livingAreaM2: '142.50', residentialUnits: 1, ownerOccupied: true },
};

describe('lead intake', () => {
  it('reads the crm.lead.converted payload into a project and its first building', () => {
    const intake = intakeFromEvent('lead-1', PAYLOAD);
    expect(intake).toMatchObject({ leadId: 'lead-1', contactId: 'contact-1', assigneeId: 'user-1', departmentId: 'dept-1', interests: ['heat_pump', 'insulation', 'other'] });
    expect(buildingFromIntake(intake)).toEqual({
      address: { street: 'Lindenallee 4', postalCode: '14050', city: 'Berlin', countryCode: 'DE' },
      buildingType: 'single_family',
      yearOfConstruction: 1968,
      heatedLivingAreaM2: 142.5,
      residentialUnits: 1,
      ownerOccupiedUnits: 1,
    });
    expect(intakeTitle(intake, { firstName: 'Anna', lastName: 'Schmidt' })).toBe('Schmidt, Anna – Lindenallee 4, Berlin');
  });

  it('reads a lead answered by CrmQueries the same way', () => {
    const fromLead = intakeFromLead({
      id: 'lead-1',
      convertedContactId: 'contact-1',
      convertedCompanyId: null,
      interests: PAYLOAD.interests,
      assigneeId: 'user-1',
      departmentId: 'dept-1',
      propertyAddress: { street: 'Lindenallee 4', postalCode: '14050', city: 'Berlin', countryCode: 'DE' },
      buildingType: 'single_family',
      yearBuilt: 1968,
      livingAreaM2: 142.5,
      residentialUnits: 1,
      ownerOccupied: true,
    });
    expect(fromLead).toEqual(intakeFromEvent('lead-1', PAYLOAD));
  });

  it('makes no building from a lead without property data, and ignores values of the wrong type', () => {
    const bare = intakeFromEvent('lead-2', { ...PAYLOAD, property: {} });
    expect(buildingFromIntake(bare)).toBeUndefined();
    const odd = intakeFromEvent('lead-3', { ...PAYLOAD, property: { buildingType: 'castle', yearBuilt: 'old', ownerOccupied: 'yes' } });
    expect(buildingFromIntake(odd)).toEqual({ address: null, buildingType: null, yearOfConstruction: null, heatedLivingAreaM2: null, residentialUnits: null, ownerOccupiedUnits: null });
    expect(intakeTitle(bare, undefined)).toBe('Projekt aus Lead lead-2');
  });

  it('maps interests without duplicates', () => {
    expect(projectInterests(['windows', 'x', 'y', 'windows'])).toEqual(['windows', 'other']);
  });
});
