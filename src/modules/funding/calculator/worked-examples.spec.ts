import type { MeasureGrantRule } from '../programs/rule-body';
import { calculateMeasureGrant } from './measure-grant.rules';
import { calculateConsultation } from './other-programs.rules';
import { input, measure, seededRule } from './calculator.test-support';

/** The worked examples of domain-2026.md §8 (and §5 for EBW), to the cent, with the seeded rules. */
describe('funding worked examples (domain-2026.md §8)', () => {
  const grant = (key: 'kfw_458' | 'beg_em_bafa', date: string, i: ReturnType<typeof input>) => {
    const ref = seededRule(key, date)!;
    return calculateMeasureGrant(ref, ref.body as MeasureGrantRule, i.measures, i);
  };

  it('W1 — KfW 458, 2 units, 1 owner-occupier without income bonus, 1 rented (Oct 2026): €15,580 (KfW product page 458 example)', () => {
    const i = input('2026-10-15', { measures: [measure('heat_pump_air', 41_000)] }, { units: 2, affectedUnits: 2, ownerOccupiedUnits: 1 });
    const result = grant('kfw_458', '2026-10-15', i);
    expect(result.capCents).toBe(4_300_000);
    expect(result.unitShares.map((s) => [s.eligibleCents, s.ownerOccupied])).toEqual([
      [2_050_000, true],
      [2_050_000, false],
    ]);
    expect(result.components.find((c) => c.key === 'base')!.amountCents).toBe(1_230_000);
    expect(result.components.find((c) => c.key === 'climateSpeed')).toMatchObject({ rateBp: 1600, baseCents: 2_050_000, amountCents: 328_000 });
    expect(result.grantCents).toBe(1_558_000);
  });

  it('W2 — KfW 458, 5-unit building, only 1 rented flat gets a heat pump (Oct 2026): cap €17,600, grant €5,280 (KfW Merkblatt 458 example)', () => {
    const i = input('2026-10-15', { measures: [measure('heat_pump_air', 36_000)], household: { ownerOccupied: false, taxableIncomeCents: null, minorChildren: 0 } }, { units: 5, affectedUnits: 1, ownerOccupiedUnits: 0 });
    const result = grant('kfw_458', '2026-10-15', i);
    expect(result.capCents).toBe(1_760_000);
    expect(result.eligibleCostsCents).toBe(1_760_000);
    expect(result.grantCents).toBe(528_000);
  });

  describe('W4 — BEG EM envelope, 1 unit, envelope €100,000 + ventilation €6,500 (energetisiert engine.test.ts; BMWE FAQ 2.3)', () => {
    const measures = [measure('wall_insulation', 100_000), measure('ventilation_heat_recovery', 6_500)];
    it('with iSFP after 21 Jul 2026: 15 % × 60,000 + 5 % × 30,000 = €10,500', () => {
      const result = grant('beg_em_bafa', '2026-09-01', input('2026-09-01', { measures }, { isfpDate: '2026-03-01' }));
      expect(result.eligibleCostsCents).toBe(6_000_000);
      expect(result.components.find((c) => c.key === 'isfp')).toMatchObject({ baseCents: 3_000_000, amountCents: 150_000 });
      expect(result.grantCents).toBe(1_050_000);
    });
    it('without iSFP after 21 Jul 2026: 15 % × 30,000 = €4,500', () => {
      expect(grant('beg_em_bafa', '2026-09-01', input('2026-09-01', { measures })).grantCents).toBe(450_000);
    });
    it('old rule (before 21 Jul 2026): 20 % × 60,000 = €12,000', () => {
      expect(grant('beg_em_bafa', '2026-07-20', input('2026-07-20', { measures }, { isfpDate: '2026-03-01' })).grantCents).toBe(1_200_000);
    });
  });

  describe('W4b — envelope €50,000 with iSFP (LEA Hessen iSFP page)', () => {
    const measures = [measure('roof_insulation', 50_000)];
    it('old rule: 7,500 + 2,500 = €10,000', () => {
      expect(grant('beg_em_bafa', '2026-05-01', input('2026-05-01', { measures }, { isfpDate: '2026-01-10' })).grantCents).toBe(1_000_000);
    });
    it('new rule: 7,500 + 1,000 = €8,500 (derived)', () => {
      expect(grant('beg_em_bafa', '2026-08-01', input('2026-08-01', { measures }, { isfpDate: '2026-01-10' })).grantCents).toBe(850_000);
    });
  });

  describe('EBW alone (domain-2026.md §5)', () => {
    const ebw = (fee: number, units: number, weg = false) => {
      const ref = seededRule('ebw', '2026-10-01')!;
      if (ref.body.kind !== 'consultation') throw new Error('EBW is a consultation rule');
      return calculateConsultation(ref, ref.body, fee * 100, input('2026-10-01', { wegPresentation: weg }, { units })).grantCents;
    };
    it('fee €1,650, 1–2 units: 50 % = 825 → capped €650', () => expect(ebw(1_650, 2)).toBe(65_000));
    it('fee €2,000, ≥ 3 units: → €850', () => expect(ebw(2_000, 3)).toBe(85_000));
    it('WEG presentation: +€250', () => expect(ebw(2_000, 3, true)).toBe(110_000));
  });
});
