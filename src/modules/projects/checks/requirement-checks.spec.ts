import type { UValueMethodData } from '../components/component.rules';
import { CheckComponent, checkMeasure, CheckMeasure, limitFor, RequirementSetData, resultingUValue, setsValidOn } from './requirement-checks';

// Test data in the shape of the seeded reference data (the values are the tests' own, not read from code).
const METHOD: UValueMethodData = {
  id: 'method-6946',
  significantFigures: 2,
  resistances: [
    { heatFlow: 'horizontal', boundary: 'outside_air', rsi: 0.13, rse: 0.04 },
    { heatFlow: 'upwards', boundary: 'outside_air', rsi: 0.1, rse: 0.04 },
    { heatFlow: 'upwards', boundary: 'unheated_space', rsi: 0.1, rse: 0.1 },
    { heatFlow: 'downwards', boundary: 'unheated_space', rsi: 0.17, rse: 0.17 },
  ],
};
const label = (de: string, en: string) => ({ de, en });
const GEG: RequirementSetData = {
  id: 'geg-2020',
  key: 'geg_anlage_7',
  shortName: label('GEG-Höchstwert', 'GEG maximum'),
  name: label('GEG Anlage 7', 'GEG Annex 7'),
  versionLabel: 'GEG 2020',
  validFrom: '2020-11-01',
  validTo: null,
  limits: [
    { id: 'geg-wall', category: 'external_wall_air', trigger: 'any', quantity: 'u', uMax: 0.24, citation: 'Anlage 7 Nr. 1', componentLabel: label('Außenwände', 'external walls') },
    { id: 'geg-window', category: 'window', trigger: 'any', quantity: 'u_w', uMax: 1.3, citation: 'Anlage 7 Nr. 2 a', componentLabel: label('Fenster', 'windows') },
    { id: 'geg-glazing', category: 'window', trigger: 'glazing_replaced', quantity: 'u_g', uMax: 1.1, citation: 'Anlage 7 Nr. 2 c', componentLabel: label('Verglasungen', 'glazing') },
    { id: 'geg-glass-roof', category: 'glass_roof', trigger: 'any', quantity: 'u', uMax: 2.0, citation: 'Anlage 7 Nr. 2 e', componentLabel: label('Glasdächer', 'glass roofs') },
  ],
};
const beg = (id: string, versionLabel: string, validFrom: string, validTo: string | null, wall: number): RequirementSetData => ({
  id,
  key: 'beg_em_tma',
  shortName: label('BEG-Mindestanforderung', 'BEG minimum'),
  name: label('BEG EM Technische Mindestanforderungen', 'BEG EM technical minimum requirements'),
  versionLabel,
  validFrom,
  validTo,
  limits: [
    { id: `${id}-wall`, category: 'external_wall_air', trigger: 'any', quantity: 'u', uMax: wall, citation: 'TMA', componentLabel: label('Außenwände', 'external walls') },
    { id: `${id}-window`, category: 'window', trigger: 'any', quantity: 'u_w', uMax: 0.95, citation: 'TMA', componentLabel: label('Fenster', 'windows') },
  ],
});
const BEG_2024 = beg('beg-2024', 'BEG EM 2024', '2024-01-01', '2026-07-20', 0.2);
const BEG_2026 = beg('beg-2026', 'BEG EM 2026', '2026-07-21', '2030-12-31', 0.2);
const SETS = [GEG, BEG_2024, BEG_2026];

const OLD_WALL: CheckComponent = {
  id: 'wall-north',
  name: 'Außenwand Nord',
  category: 'external_wall_air',
  heatFlowDirection: null,
  // 15 mm plaster λ 0.87, 300 mm solid brick λ 0.68, 20 mm render λ 1.0 → U ≈ 1.48
  layers: [
    { materialId: null, name: 'Kalkputz', thicknessMm: 15, lambda: 0.87, resistance: null },
    { materialId: null, name: 'Vollziegel', thicknessMm: 300, lambda: 0.68, resistance: null },
    { materialId: null, name: 'Kalkzementputz', thicknessMm: 20, lambda: 1.0, resistance: null },
  ],
  uValue: 1.48,
};
const insulation = (thicknessMm: number, lambda = 0.035) => [{ materialId: null, name: 'EPS', thicknessMm, lambda, resistance: null }];
const measure = (over: Partial<CheckMeasure>): CheckMeasure => ({
  id: 'm1',
  trigger: 'insulation_added',
  newLayers: null,
  replacesLayers: false,
  targetUValue: null,
  plannedDate: null,
  ...over,
});

describe('requirement checks of envelope measures', () => {
  it('a wall insulation that meets GEG but not BEG, explained in German and English', () => {
    // 120 mm of λ 0.035 on the old wall: R = 0.13 + 0.0172 + 0.4412 + 0.02 + 3.4286 + 0.04 → U = 0.2456 → 0.25
    const results = checkMeasure(measure({ newLayers: insulation(120) }), [OLD_WALL], SETS, METHOD, '2026-12-01');
    expect(results.map((r) => [r.requirementSetId, r.outcome, r.uValueRounded, r.uMax])).toEqual([
      ['beg-2026', 'fail', 0.25, 0.2],
      ['geg-2020', 'fail', 0.25, 0.24],
    ]);
    const thicker = checkMeasure(measure({ newLayers: insulation(140) }), [OLD_WALL], SETS, METHOD, '2026-12-01');
    expect(thicker.map((r) => [r.requirementSetKey, r.outcome, r.uValueRounded])).toEqual([
      ['beg_em_tma', 'fail', 0.22],
      ['geg_anlage_7', 'pass', 0.22],
    ]);
    expect(thicker[0].explanation).toEqual({
      de: 'U = 0,22 W/(m²·K) überschreitet 0,20 W/(m²·K) (BEG-Mindestanforderung für Außenwände).',
      en: 'U = 0.22 W/(m²·K) exceeds the BEG minimum 0.20 for external walls.',
    });
    expect(thicker[1].explanation.en).toBe('U = 0.22 W/(m²·K) meets the GEG maximum 0.24 for external walls.');
    expect(thicker[1]).toMatchObject({ limitId: 'geg-wall', citation: 'Anlage 7 Nr. 1', requirementSetVersion: 'GEG 2020', checkedOn: '2026-12-01' });
  });

  it('explains a failure: U = 0.27 exceeds the BEG minimum 0.20 for external walls', () => {
    const [begResult] = checkMeasure(measure({ targetUValue: 0.27 }), [OLD_WALL], [BEG_2026], METHOD, '2026-12-01');
    expect(begResult.explanation.en).toBe('U = 0.27 W/(m²·K) exceeds the BEG minimum 0.20 for external walls.');
  });

  it('compares the value as the standard presents it: 0.2449 is 0.24 (meets 0.24), 0.245 is 0.25 (exceeds it)', () => {
    const check = (u: number) => checkMeasure(measure({ targetUValue: u }), [OLD_WALL], [GEG], METHOD, '2026-12-01')[0];
    expect(check(0.2449)).toMatchObject({ outcome: 'pass', uValue: 0.2449, uValueRounded: 0.24 });
    expect(check(0.245)).toMatchObject({ outcome: 'fail', uValueRounded: 0.25 });
  });

  it('uses the version valid on the planned date, else on today', () => {
    const on = (plannedDate: string | null, today: string) =>
      checkMeasure(measure({ targetUValue: 0.18, plannedDate }), [OLD_WALL], SETS, METHOD, today).map((r) => r.requirementSetId);
    expect(on('2026-07-20', '2026-12-01')).toEqual(['beg-2024', 'geg-2020']);
    expect(on('2026-07-21', '2026-12-01')).toEqual(['beg-2026', 'geg-2020']);
    expect(on(null, '2025-03-01')).toEqual(['beg-2024', 'geg-2020']);
    // after the last BEG version ends, only GEG applies
    expect(on('2031-01-01', '2026-12-01')).toEqual(['geg-2020']);
    expect(setsValidOn(SETS, '2019-01-01')).toEqual([]);
  });

  it('picks the limit of the trigger, else the one for any trigger', () => {
    expect(limitFor(GEG, 'window', 'glazing_replaced')?.id).toBe('geg-glazing');
    expect(limitFor(GEG, 'window', 'replacement')?.id).toBe('geg-window');
    const window: CheckComponent = { id: 'w', name: 'Fenster Süd', category: 'window', heatFlowDirection: null, layers: [], uValue: 2.8 };
    const results = checkMeasure(measure({ trigger: 'replacement', targetUValue: 0.95 }), [window], SETS, METHOD, '2026-12-01');
    expect(results.map((r) => [r.requirementSetKey, r.quantity, r.outcome])).toEqual([
      ['beg_em_tma', 'u_w', 'pass'],
      ['geg_anlage_7', 'u_w', 'pass'],
    ]);
    expect(results[0].explanation.de).toBe('U_w = 0,95 W/(m²·K) hält 0,95 W/(m²·K) ein (BEG-Mindestanforderung für Fenster).');
  });

  it('records that a set has no limit for a category, and that a U-value cannot be computed', () => {
    const glassRoof: CheckComponent = { id: 'g', name: 'Wintergarten', category: 'glass_roof', heatFlowDirection: null, layers: [], uValue: 2.5 };
    const [begResult, gegResult] = checkMeasure(measure({ trigger: 'replacement', targetUValue: 1.8 }), [glassRoof], SETS, METHOD, '2026-12-01');
    expect(begResult).toMatchObject({ outcome: 'no_requirement', limitId: null, uMax: null });
    expect(begResult.explanation.en).toBe('BEG EM technical minimum requirements (BEG EM 2026) sets no limit for glass roofs.');
    expect(gegResult.outcome).toBe('pass');
    const unknown = checkMeasure(measure({}), [OLD_WALL], [GEG], METHOD, '2026-12-01');
    expect(unknown).toMatchObject([{ outcome: 'not_computable', uValue: null }]);
  });
});

describe('resulting U-value of a component', () => {
  it('adds layers to the build-up, replaces it, or adds them to a U known without layers', () => {
    const added = resultingUValue(measure({ newLayers: insulation(140) }), OLD_WALL, METHOD)!;
    const replaced = resultingUValue(measure({ newLayers: insulation(140), replacesLayers: true }), OLD_WALL, METHOD)!;
    expect(replaced).toBeCloseTo(1 / (0.13 + 4 + 0.04), 10);
    expect(added).toBeLessThan(replaced);
    const declaredOnly = { ...OLD_WALL, layers: [], uValue: 1.4 };
    expect(resultingUValue(measure({ newLayers: insulation(140) }), declaredOnly, METHOD)).toBeCloseTo(1 / (1 / 1.4 + 4), 10);
    expect(resultingUValue(measure({ newLayers: insulation(140) }), { ...declaredOnly, uValue: null }, METHOD)).toBeNull();
  });

  it('uses the component category’s surface resistances (a top-floor ceiling: upwards to an unheated attic)', () => {
    const ceiling: CheckComponent = { ...OLD_WALL, category: 'top_floor_ceiling', layers: [{ materialId: null, name: 'Beton', thicknessMm: 160, lambda: 2.3, resistance: null }] };
    expect(resultingUValue(measure({ newLayers: insulation(200) }), ceiling, METHOD)).toBeCloseTo(1 / (0.1 + 0.16 / 2.3 + 0.2 / 0.035 + 0.1), 10);
  });
});
