import { duplicateKeys, matchedOn } from './contact-data.rules';

describe('duplicate keys', () => {
  it('collects the normalised e-mail and distinct phone numbers', () => {
    expect(duplicateKeys({ email: ' A@B.de ', phone: '+49301234567', mobile: '+49301234567' })).toEqual({
      emails: ['a@b.de'],
      phones: ['+49301234567'],
    });
    expect(duplicateKeys({})).toEqual({ emails: [], phones: [] });
  });

  it('tells which keys a candidate matches', () => {
    const keys = duplicateKeys({ email: 'a@b.de', phone: '+49301234567' });
    expect(matchedOn(keys, { email: 'a@b.de', phones: [null] })).toEqual(['email']);
    expect(matchedOn(keys, { email: 'x@y.de', phones: ['+49301234567'] })).toEqual(['phone']);
    expect(matchedOn(keys, { email: 'a@b.de', phones: ['+49301234567'] })).toEqual(['email', 'phone']);
    expect(matchedOn(keys, { email: null, phones: [] })).toEqual([]);
  });
});
