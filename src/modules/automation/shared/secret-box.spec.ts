import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('k'.repeat(32), 'webhook-secrets');

  it('round-trips, never stores the plaintext, and uses a fresh IV each time', () => {
    const sealed = box.seal('whsec_0123456789');
    expect(sealed).not.toContain('whsec');
    expect(box.open(sealed)).toBe('whsec_0123456789');
    expect(box.seal('whsec_0123456789')).not.toBe(sealed);
  });

  it('refuses a tampered ciphertext, another key and another purpose', () => {
    const sealed = box.seal('secret');
    const [v, iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => new SecretBox('x'.repeat(32), 'webhook-secrets').open(sealed)).toThrow();
    expect(() => new SecretBox('k'.repeat(32), 'form-tokens').open(sealed)).toThrow();
    expect(() => box.open('plain text')).toThrow('not a sealed secret');
  });
});
