import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface FormTokenClaims {
  formId: string;
  version: number;
  issuedAt: number;
}

/**
 * The token GET /public/forms/{slug} hands out with a form version and a submission must bring
 * back: which version the visitor filled in and when the form was shown (minimum fill time),
 * HMAC-signed with a key derived from AUTOMATION_SECRET_KEY so a bot cannot back-date it.
 */
export class FormTokens {
  private readonly key: Buffer;

  constructor(rootKey: string) {
    this.key = Buffer.from(hkdfSync('sha256', rootKey, '', 'renewa.automation.form-tokens', 32));
  }

  issue(claims: FormTokenClaims): string {
    const body = `${claims.formId}.${claims.version}.${claims.issuedAt}`;
    return `${Buffer.from(body).toString('base64url')}.${this.sign(body)}`;
  }

  /** The claims of a genuine token for `formId` not older than a day, else undefined. */
  verify(token: string, formId: string, now: number): FormTokenClaims | undefined {
    const [encoded, signature] = token.split('.');
    if (!encoded || !signature) return undefined;
    const body = Buffer.from(encoded, 'base64url').toString('utf8');
    const expected = Buffer.from(this.sign(body));
    if (expected.length !== Buffer.byteLength(signature) || !timingSafeEqual(expected, Buffer.from(signature))) return undefined;
    const [id, version, issuedAt] = body.split('.');
    const claims = { formId: id, version: Number(version), issuedAt: Number(issuedAt) };
    if (claims.formId !== formId || !Number.isInteger(claims.version) || !Number.isFinite(claims.issuedAt)) return undefined;
    if (claims.issuedAt > now + 60_000 || now - claims.issuedAt > MAX_AGE_MS) return undefined;
    return claims;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
