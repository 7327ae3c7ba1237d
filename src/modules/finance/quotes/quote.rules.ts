import { berlinDate } from '@libs/shared';

/**
 * The pure rules of quotes: numbering, the status of a version, what an edit does to a sent quote,
 * expiry and acceptance. Amounts are calculated by the finance amount rules (quote-totals.rules.ts).
 *
 * A quote is a series of versions. Only the newest version can change: a draft is edited in place;
 * an edit of a sent, rejected or expired version creates the next version (a draft copy), so what
 * the customer received stays as it was. Sending a version supersedes the sent version before it.
 */
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'superseded'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const QUOTE_ACCEPTANCE_METHODS = ['portal', 'signed_upload', 'email'] as const;
export type QuoteAcceptanceMethod = (typeof QUOTE_ACCEPTANCE_METHODS)[number];

/** The moves of one version; the three answers of the customer and supersession only from `sent`. */
export const QUOTE_TRANSITIONS: Readonly<Record<QuoteStatus, readonly QuoteStatus[]>> = {
  draft: ['sent'],
  sent: ['accepted', 'rejected', 'expired', 'superseded'],
  accepted: [],
  rejected: [],
  expired: [],
  superseded: [],
};

export function canTransition(from: QuoteStatus, to: QuoteStatus): boolean {
  return QUOTE_TRANSITIONS[from].includes(to);
}

export type QuoteMove = { ok: true; changed: boolean } | { ok: false; allowed: readonly QuoteStatus[] };

/** Whether the newest version may move to `to`; repeating the move that made its status changes nothing. */
export function planMove(current: QuoteStatus, to: QuoteStatus): QuoteMove {
  if (current === to) return { ok: true, changed: false };
  return canTransition(current, to) ? { ok: true, changed: true } : { ok: false, allowed: QUOTE_TRANSITIONS[current] };
}

export type QuoteEditPlan = { kind: 'in_place' } | { kind: 'new_version'; revision: number } | { kind: 'refused'; reason: 'accepted' | 'superseded' };

/**
 * What an edit of the newest version does: a draft changes in place; a version the customer has
 * (sent) or had (rejected, expired) stays and the edit becomes version `revision + 1`. An accepted
 * version is the contract and is never changed.
 */
export function planEdit(status: QuoteStatus, revision: number): QuoteEditPlan {
  switch (status) {
    case 'draft':
      return { kind: 'in_place' };
    case 'sent':
    case 'rejected':
    case 'expired':
      return { kind: 'new_version', revision: revision + 1 };
    case 'accepted':
    case 'superseded':
      return { kind: 'refused', reason: status };
  }
}

/** A sent version is expired once its validity date (the last valid day, Europe/Berlin) lies before `today`. */
export function isExpired(status: QuoteStatus, validUntil: string, today: string): boolean {
  return status === 'sent' && validUntil < today;
}

export type AcceptanceCheck = { ok: true } | { ok: false; error: 'in_future' | 'before_sent' | 'after_validity' };

/**
 * When a customer accepts: not in the future, not before the version was sent, and on or before its
 * validity date (a later "yes" is a new offer by the customer; revise and send again).
 */
export function checkAcceptance(input: { acceptedAt: Date; now: Date; sentAt: Date; validUntil: string }): AcceptanceCheck {
  if (input.acceptedAt.getTime() > input.now.getTime()) return { ok: false, error: 'in_future' };
  if (input.acceptedAt.getTime() < input.sentAt.getTime()) return { ok: false, error: 'before_sent' };
  if (berlinDate(input.acceptedAt) > input.validUntil) return { ok: false, error: 'after_validity' };
  return { ok: true };
}


/** The year a quote numbered at `now` belongs to: the calendar year in Germany, not UTC. */
export function numberingYear(now: Date): number {
  return Number(berlinDate(now).slice(0, 4));
}

export const QUOTE_LINE_KINDS = ['section', 'item'] as const;
export type QuoteLineKind = (typeof QUOTE_LINE_KINDS)[number];

/** `normal` lines make the total; optional and alternative lines are offered but not summed. */
export const QUOTE_LINE_TYPES = ['normal', 'optional', 'alternative'] as const;
export type QuoteLineType = (typeof QUOTE_LINE_TYPES)[number];

export type PositionResult = { ok: true; positions: string[] } | { ok: false; index: number };

/**
 * Position numbers in line order: without section titles 1, 2, 3; with them each section is
 * numbered and its items below it (1, 1.1, 1.2, 2, 2.1). A quote with sections starts with one
 * (an item before the first title would have no number of its own) — `index` names the offender.
 */
export function positionNumbers(kinds: readonly QuoteLineKind[]): PositionResult {
  const hasSections = kinds.includes('section');
  if (hasSections && kinds[0] !== 'section') return { ok: false, index: 0 };
  const positions: string[] = [];
  let section = 0;
  let item = 0;
  for (const kind of kinds) {
    if (kind === 'section') {
      section += 1;
      item = 0;
      positions.push(String(section));
    } else {
      item += 1;
      positions.push(hasSections ? `${section}.${item}` : String(item));
    }
  }
  return { ok: true, positions };
}

/** Whether a line counts toward the quote's totals. */
export function countsInTotal(line: { kind: QuoteLineKind; lineType: QuoteLineType }): boolean {
  return line.kind === 'item' && line.lineType === 'normal';
}
