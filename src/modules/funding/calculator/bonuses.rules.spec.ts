import type { MeasureGrantRule } from '../programs/rule-body';
import { input, measure, seededRule } from './calculator.test-support';
import { calculateMeasureGrant } from './measure-grant.rules';

/** The announced-but-undated elements of the 2026 versions, once their start day is entered, and the other limits. */
describe('BEG EM bonuses and limits', () => {
  const withStart = (key: 'beg_em_bafa' | 'kfw_458', from: string | null) => {
    const ref = seededRule(key, '2027-06-01')!;
    const body = JSON.parse(JSON.stringify(ref.body)) as MeasureGrantRule;
    if (body.bonuses.worstPerformingBuilding) body.bonuses.worstPerformingBuilding.from = from;
    if (body.bonuses.euOriginHeatPump) body.bonuses.euOriginHeatPump.from = from;
    body.baseRateOverrides.forEach((o) => (o.from = from));
    return { ref: { ...ref, body }, body };
  };
  const run = (key: 'beg_em_bafa' | 'kfw_458', from: string | null, i: ReturnType<typeof input>) => {
    const { ref, body } = withStart(key, from);
    return calculateMeasureGrant(ref, body, i.measures, i);
  };

  it('worst-performing building: +5 pp on insulation (not windows) with an iSFP, from its start day only', () => {
    const i = input('2027-06-01', { measures: [measure('wall_insulation', 20_000), measure('windows', 10_000)] }, { isfpDate: '2027-01-10', energyCertificateClass: 'h' });
    // Pending (from: null): 15 % × 30,000 = 4,500.
    expect(run('beg_em_bafa', null, i).grantCents).toBe(450_000);
    // From 1 Mar 2027: + 5 % × 20,000 (the wall only) = 1,000.
    const started = run('beg_em_bafa', '2027-03-01', i);
    expect(started.components.find((c) => c.key === 'worstPerformingBuilding')).toMatchObject({ rateBp: 500, baseCents: 2_000_000, amountCents: 100_000 });
    expect(started.grantCents).toBe(550_000);
    // Without an iSFP no WPB bonus.
    expect(run('beg_em_bafa', '2027-03-01', { ...i, building: { ...i.building, isfpDate: null } }).grantCents).toBe(450_000);
  });

  it('heat pumps 15 % and the EU-origin bonus +15 pp once their start day is entered; rented flats get the EU bonus too', () => {
    const rented = input('2027-06-01', { measures: [measure('heat_pump_air', 20_000, { euOrigin: true })], household: { ownerOccupied: false, taxableIncomeCents: null, minorChildren: 0 } });
    expect(run('kfw_458', null, rented).grantCents).toBe(600_000); // 30 % while pending
    expect(run('kfw_458', '2027-03-01', rented).grantCents).toBe(600_000); // 15 % + 15 %
    expect(run('kfw_458', '2027-03-01', { ...rented, measures: [measure('heat_pump_air', 20_000)] }).grantCents).toBe(300_000);
    expect(run('kfw_458', '2027-03-01', { ...rented, measures: [measure('solar_thermal', 20_000)] }).grantCents).toBe(600_000); // solar keeps 30 %
  });

  it('minimum investment €300 gross per measure; planning and supervision 50 % of at most €5,000', () => {
    const i = input('2026-10-01', { measures: [measure('hydraulic_balancing', 299), measure('windows', 10_000)], planningCostsCents: 800_000 });
    const result = run('beg_em_bafa', null, i);
    expect(result.measures.map((m) => m.grantCents)).toEqual([150_000, 0]);
    expect(result.components.find((c) => c.key === 'planning')).toMatchObject({ baseCents: 500_000, amountCents: 250_000 });
    expect(result.grantCents).toBe(400_000);
  });

  it('no climate-speed bonus with a fossil peak-load boiler or for a young gas boiler', () => {
    const base = input('2026-10-01', { measures: [measure('heat_pump_air', 20_000, { fossilPeakLoad: true })] });
    expect(run('kfw_458', null, base).grantCents).toBe(600_000);
    const young = input('2026-10-01', { measures: [measure('heat_pump_air', 20_000)] }, { replacedHeating: { kind: 'gas_boiler', ageYears: 12, working: true } });
    expect(run('kfw_458', null, young).grantCents).toBe(600_000);
    const old = input('2026-10-01', { measures: [measure('heat_pump_air', 20_000)] }, { replacedHeating: { kind: 'gas_boiler', ageYears: 20, working: true } });
    expect(run('kfw_458', null, old).grantCents).toBe(920_000);
  });
});
