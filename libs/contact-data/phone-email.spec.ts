import { normalizeEmail, normalizePhone } from './phone-email';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Max.Mustermann@Example.DE ')).toBe('max.mustermann@example.de');
  });
});

describe('normalizePhone', () => {
  it.each([
    ['030 1234567', '+49301234567'],
    ['(030) 123 45 67', '+49301234567'],
    ['030/1234567', '+49301234567'],
    ['+49 30 1234567', '+49301234567'],
    ['0049 30 1234567', '+49301234567'],
    ['0170 1234567', '+491701234567'],
    ['+43 1 5877123', '+4315877123'],
    ['0043 1 5877123', '+4315877123'],
  ])('reads %s as %s', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164);
  });

  it.each([['12'], ['abc'], ['030 12345678901234567'], ['+49 0000'], ['call me'], ['']])('rejects %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('reads national numbers of another default country', () => {
    expect(normalizePhone('01 5877123', 'AT')).toBe('+4315877123');
  });
});

