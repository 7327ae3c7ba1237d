import { checkAnswers, definitionProblems } from './form-definition.rules';
import { DEFAULT_FORM_SETTINGS, FormDefinition } from './form-definition';

const LEAD_VALUES = { interests: ['heat_pump', 'insulation'], buildingType: ['single_family'], salutation: ['mr', 'ms', 'mx'], preferredLanguage: ['de', 'en'] };
const label = { de: 'Feld', en: 'Field' };
const form: FormDefinition = {
  kind: 'lead',
  consent: { version: '2026-12', text: { de: 'Ich willige ein …', en: 'I consent …' } },
  confirmation: { de: 'Danke', en: 'Thank you' },
  settings: DEFAULT_FORM_SETTINGS,
  fields: [
    { key: 'lastName', type: 'text', label, required: true, max: 100, leadField: 'lastName' },
    { key: 'email', type: 'email', label, required: true, leadField: 'email' },
    { key: 'phone', type: 'phone', label, required: false, leadField: 'phone' },
    { key: 'postcode', type: 'postcode', label, required: false, leadField: 'propertyPostalCode' },
    { key: 'yearBuilt', type: 'number', label, required: false, min: 1500, max: 2100, leadField: 'yearBuilt' },
    { key: 'interests', type: 'multi_select', label, required: false, options: [{ value: 'heat_pump', label }, { value: 'insulation', label }], leadField: 'interests' },
    { key: 'visit', type: 'date', label, required: false },
    { key: 'privacy', type: 'consent', label, required: true },
  ],
};

describe('form definitions', () => {
  it('accepts a well-formed lead form', () => {
    expect(definitionProblems(form, LEAD_VALUES)).toEqual([]);
  });

  it('names duplicate keys, missing options, wrong lead targets, foreign option values and a lead form nobody can be reached through', () => {
    const broken: FormDefinition = {
      ...form,
      consent: null,
      fields: [
        { key: 'name', type: 'text', label, required: true },
        { key: 'name', type: 'select', label, required: false },
        { key: 'size', type: 'number', label, required: false, leadField: 'lastName' },
        { key: 'interests', type: 'multi_select', label, required: false, options: [{ value: 'sauna', label }], leadField: 'interests' },
        { key: 'privacy', type: 'consent', label, required: true },
      ],
    };
    expect(definitionProblems(broken, LEAD_VALUES).map((e) => e.path)).toEqual([
      'fields[1].key',
      'fields[1].options',
      'fields[2].leadField',
      'fields[3].options',
      'fields[4].type',
      'fields',
    ]);
  });
});

describe('answers', () => {
  it('normalises valid answers, maps lead fields and records consent apart', () => {
    const checked = checkAnswers(form, {
      lastName: ' Schmidt ',
      email: 'Anna.Schmidt@Example.DE',
      phone: '030 1234567',
      postcode: '10115',
      yearBuilt: '1968',
      interests: ['heat_pump', 'heat_pump'],
      visit: '2027-02-28',
      privacy: true,
      website: '',
    });
    expect(checked.errors).toEqual([]);
    expect(checked.consentGiven).toBe(true);
    expect(checked.answers).toEqual({ lastName: 'Schmidt', email: 'anna.schmidt@example.de', phone: '+49301234567', postcode: '10115', yearBuilt: 1968, interests: ['heat_pump'], visit: '2027-02-28' });
    expect(checked.lead).toMatchObject({ lastName: 'Schmidt', email: 'anna.schmidt@example.de', propertyPostalCode: '10115', interests: ['heat_pump'] });
  });

  it('refuses missing required fields, wrong types, out-of-range values and unknown keys', () => {
    const checked = checkAnswers(form, { email: 'not-an-email', yearBuilt: 1200, interests: ['sauna'], visit: '2027-02-30', extra: 'x', privacy: false });
    expect(checked.errors.map((e) => e.path)).toEqual(['answers.extra', 'answers.lastName', 'answers.email', 'answers.yearBuilt', 'answers.interests', 'answers.visit', 'answers.privacy']);
  });

  it('refuses oversized answers as a whole', () => {
    expect(checkAnswers(form, { lastName: 'x'.repeat(20_000) }).errors).toEqual([{ path: 'answers', message: 'the answers may take at most 16384 bytes' }]);
  });
});
