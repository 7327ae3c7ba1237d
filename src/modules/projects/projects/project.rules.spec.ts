import { canTransition, formatProjectNumber, isOpen, numberingYear, PROJECT_TRANSITIONS, planStatusChange } from './project.rules';
import { projectStatus, ProjectStatus } from './projects.schema';

const NOW = new Date('2026-12-01T10:00:00Z');
const ALL = projectStatus.enumValues;

describe('project status rules', () => {
  it('walks the whole pipeline forwards', () => {
    const path: ProjectStatus[] = ['new', 'survey_planned', 'surveyed', 'scenarios_presented', 'quoted', 'contracted', 'funding_applied', 'in_execution', 'completed', 'closed'];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('allows the documented shortcuts and the fallback of a planned survey', () => {
    expect(canTransition('new', 'surveyed')).toBe(true);
    expect(canTransition('surveyed', 'quoted')).toBe(true);
    expect(canTransition('contracted', 'in_execution')).toBe(true);
    expect(canTransition('survey_planned', 'new')).toBe(true);
  });

  it('refuses moving backwards, skipping past a quote or the contract, and leaving a final state', () => {
    expect(canTransition('quoted', 'surveyed')).toBe(false);
    expect(canTransition('surveyed', 'contracted')).toBe(false);
    expect(canTransition('quoted', 'in_execution')).toBe(false);
    expect(canTransition('new', 'completed')).toBe(false);
    for (const to of ALL) {
      expect(canTransition('closed', to)).toBe(false);
      expect(canTransition('cancelled', to)).toBe(false);
    }
  });

  it('cancels any open project, and only open ones', () => {
    const open = ALL.filter((s) => !['completed', 'closed', 'cancelled'].includes(s));
    expect(open.every(isOpen)).toBe(true);
    expect(['completed', 'closed', 'cancelled'].some((s) => isOpen(s as ProjectStatus))).toBe(false);
    expect(Object.keys(PROJECT_TRANSITIONS).sort()).toEqual([...ALL].sort());
  });

  it('plans a move: columns, no-op for the same status, reason required to cancel', () => {
    expect(planStatusChange('new', 'survey_planned', undefined, NOW)).toEqual({
      ok: true,
      changed: true,
      fields: { status: 'survey_planned', statusChangedAt: NOW, cancellationReason: null },
    });
    expect(planStatusChange('quoted', 'quoted', undefined, NOW)).toEqual({ ok: true, changed: false });
    expect(planStatusChange('quoted', 'cancelled', '  ', NOW)).toEqual({ ok: false, error: 'reason_required' });
    expect(planStatusChange('quoted', 'cancelled', ' Kunde verkauft das Haus ', NOW)).toMatchObject({ ok: true, fields: { status: 'cancelled', cancellationReason: 'Kunde verkauft das Haus' } });
    expect(planStatusChange('closed', 'new', undefined, NOW)).toEqual({ ok: false, error: 'illegal_transition', allowed: [] });
    expect(planStatusChange('quoted', 'new', undefined, NOW)).toEqual({ ok: false, error: 'illegal_transition', allowed: ['contracted', 'cancelled'] });
  });
});

describe('project numbers', () => {
  it('are P-<year>-<serial of five digits or more>', () => {
    expect(formatProjectNumber(2026, 42)).toBe('P-2026-00042');
    expect(formatProjectNumber(2026, 123456)).toBe('P-2026-123456');
    expect(() => formatProjectNumber(2026, 0)).toThrow(RangeError);
  });

  it('count in the German calendar year: New Year in Berlin is an hour before UTC', () => {
    expect(numberingYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(numberingYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
  });
});
