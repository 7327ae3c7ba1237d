import { buildingSystemErrors } from './building-system.rules';

describe('building system rules', () => {
  it('keeps kind-specific fields to their kinds', () => {
    expect(buildingSystemErrors('photovoltaics', { peakPowerKwp: 9.8 })).toEqual([]);
    expect(buildingSystemErrors('storage', { capacityKwh: 10, peakPowerKwp: null })).toEqual([]);
    expect(buildingSystemErrors('photovoltaics', { heatRecovery: true, capacityKwh: 5 }).map((e) => e.path)).toEqual(['capacityKwh', 'heatRecovery']);
    expect(buildingSystemErrors('ventilation', { heatRecovery: false })).toEqual([]);
    expect(buildingSystemErrors('heat_generator', { hydraulicallyBalanced: true })).toEqual([]);
    expect(buildingSystemErrors('solar_thermal', { hydraulicallyBalanced: true })[0].message).toBe('hydraulicallyBalanced describes distribution or heat_generator systems, not solar_thermal');
  });
});
