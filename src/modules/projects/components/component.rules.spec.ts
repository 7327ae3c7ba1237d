import { componentUValue, thermalInputErrors, UValueMethodData } from './component.rules';

const METHOD: UValueMethodData = {
  id: 'method',
  significantFigures: 2,
  resistances: [
    { heatFlow: 'horizontal', boundary: 'outside_air', rsi: 0.13, rse: 0.04 },
    { heatFlow: 'horizontal', boundary: 'ground', rsi: 0.13, rse: 0 },
    { heatFlow: 'downwards', boundary: 'unheated_space', rsi: 0.17, rse: 0.17 },
  ],
};
const brick = [{ materialId: null, name: 'Vollziegel', thicknessMm: 365, lambda: 0.81, resistance: null }];

describe('component U-values', () => {
  it('computes from layers with the surface resistances of the category (unrounded and rounded, method recorded)', () => {
    const u = componentUValue({ category: 'external_wall_air', heatFlowDirection: null, layers: brick, declaredUValue: null }, METHOD);
    expect(u.uValue).toBeCloseTo(1 / (0.13 + 0.365 / 0.81 + 0.04), 12);
    expect(u).toMatchObject({ uValueRounded: 1.6, uValueSource: 'computed', uValueMethodId: 'method' });
    const toGround = componentUValue({ category: 'external_wall_ground', heatFlowDirection: null, layers: brick, declaredUValue: null }, METHOD);
    expect(toGround.uValue).toBeCloseTo(1 / (0.13 + 0.365 / 0.81), 12);
    const cellar = componentUValue({ category: 'basement_ceiling', heatFlowDirection: null, layers: brick, declaredUValue: null }, METHOD);
    expect(cellar.uValue).toBeCloseTo(1 / (0.34 + 0.365 / 0.81), 12);
  });

  it('takes a declared value as it is, rounded for presentation', () => {
    expect(componentUValue({ category: 'window', heatFlowDirection: null, layers: [], declaredUValue: 1.15 }, METHOD)).toEqual({
      uValue: 1.15,
      uValueRounded: 1.2,
      uValueSource: 'declared',
      uValueMethodId: 'method',
    });
  });

  it('has none without layers or a declared value, or without surface resistances for the case', () => {
    expect(componentUValue({ category: 'external_wall_air', heatFlowDirection: null, layers: [], declaredUValue: null }, METHOD).uValue).toBeNull();
    expect(componentUValue({ category: 'external_wall_air', heatFlowDirection: 'upwards', layers: brick, declaredUValue: null }, METHOD).uValue).toBeNull();
  });

  it('refuses layers together with a declared value, and layers on windows', () => {
    expect(thermalInputErrors({ category: 'external_wall_air', heatFlowDirection: null, layers: brick, declaredUValue: 1.2 }).map((e) => e.path)).toEqual(['declaredUValue']);
    expect(thermalInputErrors({ category: 'window', heatFlowDirection: null, layers: brick, declaredUValue: null }).map((e) => e.path)).toEqual(['layers']);
    expect(thermalInputErrors({ category: 'window', heatFlowDirection: null, layers: [], declaredUValue: 1.3 })).toEqual([]);
  });
});
