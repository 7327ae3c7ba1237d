import { LeadStatus } from './leads.schema';
import { canTransition, initialStatus, isConvertible, LEAD_TRANSITIONS, planStatusChange } from './lead.rules';

const NOW = new Date('2026-11-26T10:00:00Z');
const ALL: LeadStatus[] = ['new', 'contacted', 'qualified', 'converted', 'lost'];

describe('lead status transitions', () => {
  it.each([
    ['new', 'contacted'],
    ['new', 'qualified'],
    ['new', 'lost'],
    ['contacted', 'qualified'],
    ['contacted', 'lost'],
    ['qualified', 'converted'],
    ['qualified', 'lost'],
    ['lost', 'new'],
  ] as const)('%s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('allows nothing else', () => {
    const allowed = new Set(Object.entries(LEAD_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`)));
    for (const from of ALL) {
      for (const to of ALL) {
        if (!allowed.has(`${from}>${to}`)) expect(canTransition(from, to)).toBe(false);
      }
    }
    expect(allowed.size).toBe(8);
  });

  it('converted is final and contacted cannot go back to new', () => {
    expect(LEAD_TRANSITIONS.converted).toEqual([]);
    expect(canTransition('contacted', 'new')).toBe(false);
    expect(canTransition('lost', 'qualified')).toBe(false);
  });
});

describe('planStatusChange', () => {
  it('moves forward and stamps the change', () => {
    expect(planStatusChange({ status: 'new', lostReason: null }, { status: 'contacted' }, NOW)).toEqual({
      ok: true,
      fields: { status: 'contacted', statusChangedAt: NOW, lostReason: null, lostNote: null },
    });
  });

  it('refuses an illegal move and lists the allowed ones (without converted)', () => {
    expect(planStatusChange({ status: 'qualified', lostReason: null }, { status: 'new' }, NOW)).toEqual({
      ok: false,
      error: 'illegal_transition',
      allowed: ['lost'],
    });
    expect(planStatusChange({ status: 'converted', lostReason: null }, { status: 'lost', lostReason: 'other' }, NOW)).toEqual({
      ok: false,
      error: 'illegal_transition',
      allowed: [],
    });
  });

  it('sends converted to the convert endpoint when the move would be legal', () => {
    expect(planStatusChange({ status: 'qualified', lostReason: null }, { status: 'converted' }, NOW)).toEqual({ ok: false, error: 'convert_via_endpoint' });
    expect(planStatusChange({ status: 'new', lostReason: null }, { status: 'converted' }, NOW)).toMatchObject({ ok: false, error: 'illegal_transition' });
  });

  it('needs a reason to lose a lead and records it', () => {
    expect(planStatusChange({ status: 'contacted', lostReason: null }, { status: 'lost' }, NOW)).toEqual({ ok: false, error: 'lost_reason_required' });
    expect(planStatusChange({ status: 'contacted', lostReason: null }, { status: 'lost', lostReason: 'no_budget', lostNote: 'KfW denied' }, NOW)).toEqual({
      ok: true,
      fields: { status: 'lost', statusChangedAt: NOW, lostReason: 'no_budget', lostNote: 'KfW denied' },
    });
  });

  it('reopening clears reason and note', () => {
    expect(planStatusChange({ status: 'lost', lostReason: 'no_budget' }, { status: 'new' }, NOW)).toEqual({
      ok: true,
      fields: { status: 'new', statusChangedAt: NOW, lostReason: null, lostNote: null },
    });
  });

  it('keeps the status when none is requested; a lost lead may edit its reason but not clear it', () => {
    expect(planStatusChange({ status: 'new', lostReason: null }, {}, NOW)).toEqual({ ok: true, fields: {} });
    expect(planStatusChange({ status: 'lost', lostReason: 'no_budget' }, { lostReason: 'other' }, NOW)).toEqual({ ok: true, fields: { lostReason: 'other' } });
    expect(planStatusChange({ status: 'lost', lostReason: 'no_budget' }, { lostReason: null }, NOW)).toEqual({ ok: false, error: 'lost_reason_required' });
  });
});

describe('initialStatus', () => {
  it('defaults to new and refuses converted', () => {
    expect(initialStatus({})).toEqual({ ok: true, fields: { status: 'new', lostReason: null, lostNote: null } });
    expect(initialStatus({ status: 'converted' })).toEqual({ ok: false, error: 'convert_via_endpoint' });
  });

  it('accepts lost only with a reason', () => {
    expect(initialStatus({ status: 'lost' })).toEqual({ ok: false, error: 'lost_reason_required' });
    expect(initialStatus({ status: 'lost', lostReason: 'duplicate' })).toEqual({
      ok: true,
      fields: { status: 'lost', lostReason: 'duplicate', lostNote: null },
    });
  });

  it('only qualified leads are convertible', () => {
    expect(ALL.filter(isConvertible)).toEqual(['qualified']);
  });
});
