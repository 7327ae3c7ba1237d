import { addDays, canMove, contractBlockingSubmission, deadlineState, missingForMove, nextStatuses } from './application.rules';
import { isCalendarDate } from '../calendar-date';
import { invalidExternalId } from './external-ids.rules';

describe('funding application rules', () => {
  it('follows the pipeline draft → prepared → submitted → approved → proofs_submitted → paid', () => {
    expect(canMove('draft', 'prepared')).toBe(true);
    expect(canMove('prepared', 'submitted')).toBe(true);
    expect(canMove('submitted', 'approved')).toBe(true);
    expect(canMove('approved', 'proofs_submitted')).toBe(true);
    expect(canMove('proofs_submitted', 'paid')).toBe(true);
    expect(canMove('draft', 'submitted')).toBe(false);
    expect(canMove('approved', 'paid')).toBe(false);
    expect(nextStatuses('paid')).toEqual([]);
    expect(nextStatuses('withdrawn')).toEqual([]);
    expect(canMove('approved', 'expired')).toBe(true);
    expect(canMove('submitted', 'rejected')).toBe(true);
  });

  it('names the fields a move needs', () => {
    expect(missingForMove('approved', { approvedOn: '2026-10-01' })).toEqual(['approvedAmountCents']);
    expect(missingForMove('paid', { paidAmountCents: 1, paidOn: '2026-12-01' })).toEqual([]);
    expect(missingForMove('prepared', {})).toEqual([]);
  });

  it('start-of-project rule: a contract signed without the clause before submitting blocks; with the clause or none does not', () => {
    const at = new Date('2026-10-10T10:00:00Z');
    expect(contractBlockingSubmission([], at)).toBeUndefined();
    expect(contractBlockingSubmission([{ reference: 'A-1', signedAt: new Date('2026-10-01T00:00:00Z'), withFundingClause: true }], at)).toBeUndefined();
    const without = { reference: 'A-2', signedAt: new Date('2026-10-02T00:00:00Z'), withFundingClause: false };
    expect(contractBlockingSubmission([without], at)).toBe(without);
    expect(contractBlockingSubmission([{ ...without, signedAt: new Date('2026-10-11T00:00:00Z') }], at)).toBeUndefined();
  });

  it('shows deadlines as open, due soon, overdue or met', () => {
    expect(deadlineState(null, '2026-10-01', 30, false)).toBe('none');
    expect(deadlineState('2026-12-01', '2026-10-01', 30, false)).toBe('open');
    expect(deadlineState('2026-10-31', '2026-10-01', 30, false)).toBe('due_soon');
    expect(deadlineState('2026-09-30', '2026-10-01', 30, false)).toBe('overdue');
    expect(deadlineState('2026-09-30', '2026-10-01', 30, true)).toBe('met');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('checks external ids by their (conservative) shape', () => {
    expect(invalidExternalId({ bzaId: 'BZA-2026-12345', kfwApplicationNumber: '123456789' })).toBeUndefined();
    expect(invalidExternalId({ bzaId: 'x' })).toBe('bzaId');
    expect(invalidExternalId({ bafaCaseNumber: 'VOB 123<script>' })).toBe('bafaCaseNumber');
    expect(invalidExternalId({ bndId: null })).toBeUndefined();
  });
});

describe('calendar dates', () => {
  it('accepts only days that exist (PostgreSQL would refuse the others with a 5xx)', () => {
    expect(['2026-02-28', '2028-02-29', '2026-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2026-02-29', '2026-02-31', '2026-04-31', '2026-13-01', 'x'].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });
});
