import { randomBytes } from 'node:crypto';
import type { Scope } from '@libs/auth';
import { normalizeEmail } from '@libs/contact-data';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Emails are compared case-insensitively; they are stored trimmed and lower-cased. */
export { normalizeEmail };

/** Problems with a new password, empty when it is acceptable. Length beats composition rules (NIST 800-63B). */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  if (email && password.trim().toLowerCase() === normalizeEmail(email)) problems.push('must not be the email address');
  return problems;
}

/** A one-time password handed to an admin once (144 bits, URL-safe). */
export function generateOneTimePassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Where an actor may put a user (create, move): anywhere with scope `all`; otherwise only into
 * their own department (`own` is treated like `department` here: a new user has no owner yet).
 */
export function departmentWithinScope(scope: Scope, actorDepartmentId: string | null, departmentId: string | null): boolean {
  if (scope === 'all') return true;
  return actorDepartmentId !== null && departmentId === actorDepartmentId;
}
