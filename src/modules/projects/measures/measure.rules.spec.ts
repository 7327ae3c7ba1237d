import { defaultTrigger, isEnvelope, MeasureShape, measureErrors, ScenarioShape } from './measure.rules';

const ISFP: ScenarioShape = { kind: 'isfp', packageCount: 4 };
const shape = (over: Partial<MeasureShape>): MeasureShape => ({
  kind: 'wall_insulation',
  packageNumber: 1,
  hasNewLayers: true,
  targetUValue: null,
  componentCategories: ['external_wall_air'],
  ...over,
});
const paths = (m: MeasureShape, s = ISFP) => measureErrors(m, s).map((e) => e.path);

describe('measure rules', () => {
  it('accepts an insulation with layers on walls in an iSFP package', () => {
    expect(measureErrors(shape({}), ISFP)).toEqual([]);
  });

  it('needs a package in an iSFP and none in a comparison', () => {
    expect(paths(shape({ packageNumber: null }))).toEqual(['packageNumber']);
    expect(paths(shape({ packageNumber: 5 }))).toEqual(['packageNumber']);
    expect(paths(shape({ packageNumber: null }), { kind: 'comparison', packageCount: 0 })).toEqual([]);
    expect(paths(shape({ packageNumber: 1 }), { kind: 'comparison', packageCount: 0 })).toEqual(['packageNumber']);
  });

  it('changes only components its kind is about', () => {
    expect(measureErrors(shape({ componentCategories: ['external_wall_air', 'window'] }), ISFP)).toEqual([
      { path: 'componentIds', message: 'a wall_insulation measure changes external_wall_air, external_wall_ground, external_wall_unheated, dormer, not window' },
    ]);
    expect(paths(shape({ kind: 'roof_insulation', componentCategories: ['pitched_roof', 'flat_roof'] }))).toEqual([]);
  });

  it('takes new layers or a target U-value, and windows only a target U-value', () => {
    expect(paths(shape({ targetUValue: 0.2 }))).toEqual(['targetUValue']);
    expect(paths(shape({ kind: 'windows', componentCategories: ['window'] }))).toEqual(['newLayers']);
    expect(paths(shape({ kind: 'windows', componentCategories: ['window'], hasNewLayers: false, targetUValue: 0.9 }))).toEqual([]);
  });

  it('a plant measure has no components, layers or U-value', () => {
    expect(paths(shape({ kind: 'heat_pump_air' }))).toEqual(['componentIds', 'newLayers']);
    expect(paths(shape({ kind: 'photovoltaics', componentCategories: [], hasNewLayers: false }))).toEqual([]);
    expect(paths(shape({ kind: 'storage', componentCategories: [], hasNewLayers: false, targetUValue: 1 }))).toEqual(['targetUValue']);
  });

  it('defaults the GEG trigger by kind', () => {
    expect(defaultTrigger('windows')).toBe('replacement');
    expect(defaultTrigger('wall_insulation')).toBe('insulation_added');
    expect(defaultTrigger('heat_pump_ground')).toBe('any');
    expect(isEnvelope('doors')).toBe(true);
    expect(isEnvelope('hydraulic_balancing')).toBe(false);
  });
});
