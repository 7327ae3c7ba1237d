import {
  addDays,
  canAccept,
  canReject,
  canUpload,
  isOverdue,
  linkExpiry,
  linkState,
  MAX_LINK_VALID_DAYS,
  newPortalToken,
  PORTAL_TOKEN_PATTERN,
  portalTokenHash,
  reminderKind,
  requestStatus,
  statusEvent,
} from './document-request.rules';

describe('document request rules', () => {
  const item = (status: 'pending' | 'uploaded' | 'accepted' | 'rejected', required = true) => ({ status, required });

  it('is fulfilled when every required item has a file, whatever the optional ones', () => {
    expect(requestStatus([item('pending'), item('uploaded')])).toBe('open');
    expect(requestStatus([item('uploaded'), item('accepted'), item('pending', false)])).toBe('fulfilled');
    expect(requestStatus([item('uploaded'), item('rejected')])).toBe('open');
  });

  it('is completed when every required item is accepted', () => {
    expect(requestStatus([item('accepted'), item('accepted'), item('pending', false)])).toBe('completed');
    expect(requestStatus([item('accepted'), item('uploaded')])).toBe('fulfilled');
  });

  it('names the event of a status change: fulfilled leaving open, reopened falling back', () => {
    expect(statusEvent('open', 'fulfilled')).toBe('fulfilled');
    expect(statusEvent('open', 'completed')).toBe('fulfilled');
    expect(statusEvent('fulfilled', 'open')).toBe('reopened');
    expect(statusEvent('completed', 'open')).toBe('reopened');
    expect(statusEvent('fulfilled', 'completed')).toBeUndefined();
    expect(statusEvent('open', 'open')).toBeUndefined();
  });

  it('allows uploads until accepted, accepting only uploads, rejecting uploads and acceptances', () => {
    expect(['pending', 'uploaded', 'rejected'].every((s) => canUpload(s as never))).toBe(true);
    expect(canUpload('accepted')).toBe(false);
    expect(canAccept('uploaded')).toBe(true);
    expect(['pending', 'accepted', 'rejected'].some((s) => canAccept(s as never))).toBe(false);
    expect(canReject('uploaded') && canReject('accepted')).toBe(true);
    expect(canReject('pending') || canReject('rejected')).toBe(false);
  });

  it('tells the state of a link: none, active, expired, revoked', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(linkState({ tokenHash: null, tokenExpiresAt: null, tokenRevokedAt: null }, now)).toBe('none');
    expect(linkState({ tokenHash: 'h', tokenExpiresAt: new Date('2026-12-02T00:00:00Z'), tokenRevokedAt: null }, now)).toBe('active');
    expect(linkState({ tokenHash: 'h', tokenExpiresAt: now, tokenRevokedAt: null }, now)).toBe('expired');
    expect(linkState({ tokenHash: 'h', tokenExpiresAt: new Date('2027-01-01T00:00:00Z'), tokenRevokedAt: now }, now)).toBe('revoked');
  });

  it('bounds how long a link works', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(linkExpiry(now).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(linkExpiry(now, 10_000).getTime() - now.getTime()).toBe(MAX_LINK_VALID_DAYS * 86_400_000);
  });

  it('issues unguessable tokens of a fixed shape and stores only their SHA-256', () => {
    const a = newPortalToken();
    const b = newPortalToken();
    expect(a).toMatch(PORTAL_TOKEN_PATTERN);
    expect(a).not.toBe(b);
    expect(portalTokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(portalTokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(portalTokenHash(a)).not.toBe(portalTokenHash(b));
  });

  it('reminds from the reminder window on, and once overdue, only while open', () => {
    const open = { status: 'open' as const, dueDate: '2026-12-10', reminderDaysBefore: 3 };
    expect(reminderKind(open, '2026-12-06')).toBeUndefined();
    expect(reminderKind(open, '2026-12-07')).toBe('due_soon');
    expect(reminderKind(open, '2026-12-10')).toBe('due_soon');
    expect(reminderKind(open, '2026-12-11')).toBe('overdue');
    expect(reminderKind({ ...open, status: 'fulfilled' }, '2026-12-11')).toBeUndefined();
    expect(isOverdue(open, '2026-12-11')).toBe(true);
    expect(isOverdue(open, '2026-12-10')).toBe(false);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});
