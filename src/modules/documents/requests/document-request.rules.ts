import { createHash, randomBytes } from 'node:crypto';
import type { DocumentRequestItemStatus, DocumentRequestNoticeKind, DocumentRequestStatus } from './document-requests.schema';

/** How long an issued link works unless told otherwise, and at most. */
export const DEFAULT_LINK_VALID_DAYS = 30;
export const MAX_LINK_VALID_DAYS = 180;

/** The public endpoints' limits per rolling hour: per client address, and per request (all addresses together). */
export const PORTAL_LIMITS = { perClientPerHour: 120, perRequestPerHour: 60 } as const;

/** A portal token: 32 random bytes, base64url (43 characters). */
export const PORTAL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newPortalToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token: its hex SHA-256 (a 256-bit random token needs no slow hash). */
export function portalTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface ItemState {
  required: boolean;
  status: DocumentRequestItemStatus;
}

/** An item "has a file" while the upload stands: uploaded (awaiting review) or accepted. */
export function hasFile(status: DocumentRequestItemStatus): boolean {
  return status === 'uploaded' || status === 'accepted';
}

/**
 * The request's status from its items: completed when every required item is accepted,
 * fulfilled when every required item has a file, open otherwise. Optional items never hold a
 * request open.
 */
export function requestStatus(items: readonly ItemState[]): DocumentRequestStatus {
  const required = items.filter((item) => item.required);
  if (required.length > 0 && required.every((item) => item.status === 'accepted')) return 'completed';
  if (required.every((item) => hasFile(item.status))) return 'fulfilled';
  return 'open';
}

/** The event a status change emits: fulfilled when it leaves `open`, reopened when it falls back to `open`. */
export function statusEvent(from: DocumentRequestStatus, to: DocumentRequestStatus): 'fulfilled' | 'reopened' | undefined {
  if (from === 'open' && to !== 'open') return 'fulfilled';
  if (from !== 'open' && to === 'open') return 'reopened';
  return undefined;
}

/** The customer may upload into an item until staff accepted it (a further upload becomes a new version). */
export function canUpload(status: DocumentRequestItemStatus): boolean {
  return status !== 'accepted';
}

export function canAccept(status: DocumentRequestItemStatus): boolean {
  return status === 'uploaded';
}

/** Rejecting reopens an item with a file (also one accepted by mistake). */
export function canReject(status: DocumentRequestItemStatus): boolean {
  return status === 'uploaded' || status === 'accepted';
}

export type LinkState = 'none' | 'active' | 'expired' | 'revoked';

export function linkState(link: { tokenHash: string | null; tokenExpiresAt: Date | null; tokenRevokedAt: Date | null }, now: Date): LinkState {
  if (!link.tokenHash) return link.tokenRevokedAt ? 'revoked' : 'none';
  if (link.tokenRevokedAt) return 'revoked';
  if (link.tokenExpiresAt && link.tokenExpiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export function linkExpiry(now: Date, validDays: number = DEFAULT_LINK_VALID_DAYS): Date {
  return new Date(now.getTime() + Math.min(Math.max(validDays, 1), MAX_LINK_VALID_DAYS) * 86_400_000);
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic in UTC on a date string: no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Overdue: the due date has passed (Europe/Berlin calendar day) and the request is still open. */
export function isOverdue(request: { status: DocumentRequestStatus; dueDate: string }, today: string): boolean {
  return request.status === 'open' && today > request.dueDate;
}

/**
 * Which reminder an open request is due on `today`: `overdue` after the due date, `due_soon` from
 * `reminderDaysBefore` days before it through the due date; none for fulfilled or completed ones.
 */
export function reminderKind(request: { status: DocumentRequestStatus; dueDate: string; reminderDaysBefore: number }, today: string): DocumentRequestNoticeKind | undefined {
  if (request.status !== 'open') return undefined;
  if (today > request.dueDate) return 'overdue';
  if (today >= addDays(request.dueDate, -request.reminderDaysBefore)) return 'due_soon';
  return undefined;
}
