import { createApiClient, unwrap } from '@libs/api-client';

export interface Credentials {
  email: string;
  password: string;
}

/** The seeded administrator (the auth seed reads the password from ADMIN_PASSWORD). */
export const ADMIN_EMAIL = 'admin@renewa.de';
export const ADMIN_PASSWORD = 'Contract-Tests-Admin-1!';

/**
 * A signed-in user of the API under test, through the generated client. `token` is the current
 * access token; `relogin()` signs in again (after a logout, a password change or an expiry).
 */
export class Session {
  token: string | undefined;
  /** The user's id (the access token's `sub`), so the fuzzer can keep its hands off its own account. */
  userId: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly credentials: Credentials,
  ) {}

  async login(): Promise<this> {
    const api = createApiClient({ baseUrl: this.baseUrl });
    const tokens = await unwrap(api.POST('/api/v1/auth/login', { body: this.credentials }));
    this.token = tokens.accessToken;
    this.userId = jwtSubject(tokens.accessToken);
    return this;
  }

  relogin(): Promise<this> {
    return this.login();
  }

  headers(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }
}

/** The `sub` claim of a JWT, read without verifying it (the server does that). */
export function jwtSubject(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
