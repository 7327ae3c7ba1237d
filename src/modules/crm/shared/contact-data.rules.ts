import { normalizeEmail } from '@libs/contact-data';

/** What two records must share to be duplicate candidates: their normalised e-mail or a phone number. */
export interface DuplicateKeys {
  emails: string[];
  phones: string[];
}

export function duplicateKeys(data: { email?: string | null; phone?: string | null; mobile?: string | null }): DuplicateKeys {
  const emails = data.email ? [normalizeEmail(data.email)] : [];
  const phones = [data.phone, data.mobile].filter((p): p is string => Boolean(p));
  return { emails, phones: [...new Set(phones)] };
}

export function hasDuplicateKeys(keys: DuplicateKeys): boolean {
  return keys.emails.length > 0 || keys.phones.length > 0;
}

/** The advisory-lock keys of `keys`: creates sharing one of them serialise (see DuplicatesRepository.lock). */
export function duplicateLockKeys(keys: DuplicateKeys): string[] {
  return [...keys.emails.map((e) => `crm.duplicate:email:${e}`), ...keys.phones.map((p) => `crm.duplicate:phone:${p}`)];
}

/** Which keys of `keys` a candidate with these values matches. */
export function matchedOn(keys: DuplicateKeys, candidate: { email: string | null; phones: (string | null)[] }): ('email' | 'phone')[] {
  const on: ('email' | 'phone')[] = [];
  if (candidate.email && keys.emails.includes(candidate.email)) on.push('email');
  if (candidate.phones.some((p) => p !== null && keys.phones.includes(p))) on.push('phone');
  return on;
}
