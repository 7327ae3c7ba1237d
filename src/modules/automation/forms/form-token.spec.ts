import { FormTokens } from './form-token';

describe('FormTokens', () => {
  const tokens = new FormTokens('k'.repeat(32));
  const formId = '0190a0a0-0000-7000-8000-000000000001';
  const now = Date.UTC(2026, 11, 1, 12);

  it('round-trips the version and the time the form was shown', () => {
    const token = tokens.issue({ formId, version: 3, issuedAt: now });
    expect(tokens.verify(token, formId, now + 5000)).toEqual({ formId, version: 3, issuedAt: now });
  });

  it('refuses another form, a forged time, another key, and tokens older than a day', () => {
    const token = tokens.issue({ formId, version: 3, issuedAt: now });
    expect(tokens.verify(token, '0190a0a0-0000-7000-8000-000000000002', now)).toBeUndefined();
    const [, signature] = token.split('.');
    const backdated = `${Buffer.from(`${formId}.3.${now - 60_000}`).toString('base64url')}.${signature}`;
    expect(tokens.verify(backdated, formId, now)).toBeUndefined();
    expect(new FormTokens('x'.repeat(32)).verify(token, formId, now)).toBeUndefined();
    expect(tokens.verify(token, formId, now + 25 * 3600_000)).toBeUndefined();
    expect(tokens.verify('garbage', formId, now)).toBeUndefined();
  });
});
