import { checkAcceptance, countsInTotal, isExpired, numberingYear, planEdit, planMove, positionNumbers, QUOTE_STATUSES } from './quote.rules';

describe('quote rules', () => {
  describe('status moves', () => {
    it('sends a draft and lets a sent version be accepted, rejected, expired or superseded', () => {
      expect(planMove('draft', 'sent')).toEqual({ ok: true, changed: true });
      for (const to of ['accepted', 'rejected', 'expired', 'superseded'] as const) expect(planMove('sent', to)).toEqual({ ok: true, changed: true });
    });

    it('refuses to skip sending or to reopen an answered version, naming the allowed moves', () => {
      expect(planMove('draft', 'accepted')).toEqual({ ok: false, allowed: ['sent'] });
      expect(planMove('accepted', 'rejected')).toEqual({ ok: false, allowed: [] });
      expect(planMove('expired', 'accepted')).toEqual({ ok: false, allowed: [] });
      expect(planMove('superseded', 'sent')).toEqual({ ok: false, allowed: [] });
    });

    it('treats repeating a move as changing nothing', () => {
      for (const status of QUOTE_STATUSES) expect(planMove(status, status)).toEqual({ ok: true, changed: false });
    });
  });

  describe('editing', () => {
    it('changes a draft in place', () => {
      expect(planEdit('draft', 1)).toEqual({ kind: 'in_place' });
    });

    it('keeps what the customer received and makes the edit the next version', () => {
      expect(planEdit('sent', 1)).toEqual({ kind: 'new_version', revision: 2 });
      expect(planEdit('expired', 2)).toEqual({ kind: 'new_version', revision: 3 });
      expect(planEdit('rejected', 4)).toEqual({ kind: 'new_version', revision: 5 });
    });

    it('never changes an accepted version (the contract)', () => {
      expect(planEdit('accepted', 2)).toEqual({ kind: 'refused', reason: 'accepted' });
    });
  });

  describe('expiry', () => {
    it('expires a sent version from the day after its validity date', () => {
      expect(isExpired('sent', '2026-12-01', '2026-12-01')).toBe(false);
      expect(isExpired('sent', '2026-12-01', '2026-12-02')).toBe(true);
    });

    it('leaves versions that are not sent alone', () => {
      for (const status of ['draft', 'accepted', 'rejected', 'expired', 'superseded'] as const) expect(isExpired(status, '2026-01-01', '2026-12-02')).toBe(false);
    });
  });

  describe('acceptance time', () => {
    const sentAt = new Date('2026-11-20T09:00:00Z');
    const now = new Date('2026-12-01T12:00:00Z');

    it('accepts between sending and the end of the validity date in Germany', () => {
      expect(checkAcceptance({ acceptedAt: new Date('2026-11-30T22:30:00Z'), now, sentAt, validUntil: '2026-12-01' })).toEqual({ ok: true });
      // 23:30 UTC on 30 Nov is 1 Dec in Berlin: still the last valid day.
      expect(checkAcceptance({ acceptedAt: new Date('2026-11-30T23:30:00Z'), now, sentAt, validUntil: '2026-11-30' })).toEqual({ ok: false, error: 'after_validity' });
    });

    it('refuses an acceptance in the future or before the version was sent', () => {
      expect(checkAcceptance({ acceptedAt: new Date('2026-12-02T00:00:00Z'), now, sentAt, validUntil: '2026-12-31' })).toEqual({ ok: false, error: 'in_future' });
      expect(checkAcceptance({ acceptedAt: new Date('2026-11-19T00:00:00Z'), now, sentAt, validUntil: '2026-12-31' })).toEqual({ ok: false, error: 'before_sent' });
    });
  });

  describe('numbers', () => {
    it('numbers by the German calendar year', () => {
      expect(numberingYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
      expect(numberingYear(new Date('2026-12-31T22:30:00Z'))).toBe(2026);
    });
  });

  describe('positions', () => {
    it('numbers items 1, 2, 3 without section titles', () => {
      expect(positionNumbers(['item', 'item', 'item'])).toEqual({ ok: true, positions: ['1', '2', '3'] });
    });

    it('numbers sections and their items', () => {
      expect(positionNumbers(['section', 'item', 'item', 'section', 'item'])).toEqual({ ok: true, positions: ['1', '1.1', '1.2', '2', '2.1'] });
    });

    it('refuses an item before the first section title', () => {
      expect(positionNumbers(['item', 'section', 'item'])).toEqual({ ok: false, index: 0 });
    });
  });

  it('sums only normal items', () => {
    expect(countsInTotal({ kind: 'item', lineType: 'normal' })).toBe(true);
    expect(countsInTotal({ kind: 'item', lineType: 'optional' })).toBe(false);
    expect(countsInTotal({ kind: 'item', lineType: 'alternative' })).toBe(false);
    expect(countsInTotal({ kind: 'section', lineType: 'normal' })).toBe(false);
  });
});
