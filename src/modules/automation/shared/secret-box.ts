import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Authenticated encryption (AES-256-GCM) of small secrets at rest — webhook signing secrets —
 * with a key derived (HKDF-SHA256) from AUTOMATION_SECRET_KEY for one purpose, so the same root
 * key never signs form tokens and encrypts secrets alike. Format: `v1.<iv>.<tag>.<ciphertext>`
 * (base64url). A changed key makes `open` throw instead of returning garbage.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(rootKey: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', rootKey, '', `renewa.automation.${purpose}`, 32));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
