import { isEditable, planScenarioStatus, PresentationInput, presentationErrors } from './scenario.rules';

const pkg = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `Paket ${i + 1}`, plannedYear: 2027 + i }));
const wall = (packageNumber: number): PresentationInput['measures'][number] => ({ kind: 'wall_insulation', packageNumber, componentCount: 1, outcomes: ['pass'] });
const isfp = (packages: number, measures = Array.from({ length: packages }, (_, i) => wall(i + 1))): PresentationInput => ({ kind: 'isfp', packages: pkg(packages), measures });

describe('scenario presentation rules', () => {
  it.each([1, 3, 4, 5])('an iSFP of %i package(s), each with a measure, can be presented', (n) => {
    expect(presentationErrors(isfp(n))).toEqual([]);
  });

  it.each([0, 2, 6])('an iSFP of %i packages cannot', (n) => {
    expect(presentationErrors(isfp(n)).map((e) => e.path)).toContain('packages');
  });

  it('refuses empty packages, no measures, envelope measures without components or resulting U-values', () => {
    expect(presentationErrors(isfp(3, [wall(1), wall(3)]))).toEqual([{ path: 'packages[1]', message: 'package 2 has no measures' }]);
    expect(presentationErrors({ kind: 'comparison', packages: [], measures: [] })).toEqual([{ path: 'measures', message: 'a scenario without measures cannot be presented' }]);
    const errors = presentationErrors({
      kind: 'comparison',
      packages: [],
      measures: [
        { kind: 'wall_insulation', packageNumber: null, componentCount: 0, outcomes: [] },
        { kind: 'windows', packageNumber: null, componentCount: 2, outcomes: ['pass', 'not_computable'] },
        { kind: 'heat_pump_air', packageNumber: null, componentCount: 0, outcomes: [] },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual(['measures[0].componentIds', 'measures[1]']);
  });

  it('presents a scenario whose checks fail: the client is shown the failure, not refused', () => {
    expect(presentationErrors(isfp(1, [{ ...wall(1), outcomes: ['fail', 'pass'] }]))).toEqual([]);
  });
});

describe('scenario status rules', () => {
  it('only drafts are editable', () => {
    expect(isEditable('draft')).toBe(true);
    expect(['presented', 'accepted', 'rejected', 'superseded'].some((s) => isEditable(s as never))).toBe(false);
  });

  it('presented → accepted | rejected | superseded; presenting only through its endpoint; superseded is final', () => {
    expect(planScenarioStatus('presented', 'accepted')).toEqual({ ok: true, changed: true });
    expect(planScenarioStatus('accepted', 'accepted')).toEqual({ ok: true, changed: false });
    expect(planScenarioStatus('draft', 'presented')).toEqual({ ok: false, error: 'present_via_endpoint' });
    expect(planScenarioStatus('draft', 'accepted')).toEqual({ ok: false, error: 'illegal_transition', allowed: [] });
    expect(planScenarioStatus('accepted', 'rejected')).toEqual({ ok: false, error: 'illegal_transition', allowed: ['superseded'] });
    expect(planScenarioStatus('superseded', 'presented')).toEqual({ ok: false, error: 'illegal_transition', allowed: [] });
  });
});
