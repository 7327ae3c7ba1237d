import fc from 'fast-check';
import type { MeasureGrantRule } from '../programs/rule-body';
import { calculateMeasureGrant } from './measure-grant.rules';
import { fractionOf, percentOf, splitEvenly, splitProportionally } from './money.rules';
import { calculateFunding } from './routes.rules';
import { input, measure, seededRule, seededRules } from './calculator.test-support';

const dates = fc.integer({ min: Date.UTC(2026, 6, 21), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
const heatingKinds = fc.constantFrom('heat_pump_air', 'heat_pump_ground', 'biomass', 'solar_thermal');
const household = fc.record({ ownerOccupied: fc.boolean(), taxableIncomeCents: fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: null }), minorChildren: fc.integer({ min: 0, max: 5 }) });
const building = fc.record({ units: fc.integer({ min: 1, max: 12 }), affected: fc.integer({ min: 1, max: 12 }), owner: fc.integer({ min: 0, max: 3 }) });

function kfw458(date: string, kind: string, euros: number, h: ReturnType<typeof input>['household'], b: { units: number; affected: number; owner: number }) {
  const i = input(date, { measures: [measure(kind, euros)], household: h }, { units: b.units, affectedUnits: Math.min(b.affected, b.units), ownerOccupiedUnits: b.owner });
  const ref = seededRule('kfw_458', date)!;
  return calculateMeasureGrant(ref, ref.body as MeasureGrantRule, i.measures, i);
}

describe('funding calculator properties', () => {
  it('a higher income never raises the grant', () => {
    fc.assert(
      fc.property(dates, heatingKinds, fc.integer({ min: 0, max: 200_000 }), household, fc.integer({ min: 0, max: 5_000_000 }), building, (date, kind, euros, h, more, b) => {
        // An undeclared income (null) gets no income bonus; compare declared incomes.
        const declared = { ...h, taxableIncomeCents: h.taxableIncomeCents ?? 0 };
        const lower = kfw458(date, kind, euros, declared, b).grantCents;
        const higher = kfw458(date, kind, euros, { ...declared, taxableIncomeCents: declared.taxableIncomeCents + more }, b).grantCents;
        return higher <= lower;
      }),
    );
  });

  it('the grant never exceeds the capped rate of the capped costs', () => {
    fc.assert(
      fc.property(dates, heatingKinds, fc.integer({ min: 0, max: 500_000 }), household, building, (date, kind, euros, h, b) => {
        const result = kfw458(date, kind, euros, h, b);
        const body = seededRule('kfw_458', date)!.body as MeasureGrantRule;
        const maxRate = Math.max(body.rateCap.defaultBp, body.rateCap.lowIncome?.rateBp ?? 0);
        return result.eligibleCostsCents <= result.capCents! && result.grantCents <= percentOf(result.eligibleCostsCents, maxRate);
      }),
    );
  });

  it('moving the date across a rule boundary switches the rule version', () => {
    const measures = [measure('wall_insulation', 40_000), measure('heat_pump_air', 30_000)];
    const before = calculateFunding(input('2026-07-20', { measures }), ['beg_em_kfw_458'], seededRules('2026-07-20'));
    const after = calculateFunding(input('2026-07-21', { measures }), ['beg_em_kfw_458'], seededRules('2026-07-21'));
    expect(before.ruleVersionIds).toEqual(['beg_em_bafa:2024-01-01', 'kfw_358_359:2024-01-01', 'kfw_458:2024-02-27']);
    expect(after.ruleVersionIds).toEqual(['beg_em_bafa:2026-07-21', 'kfw_358_359:2024-01-01', 'kfw_458:2026-07-21']);
    fc.assert(
      fc.property(dates, (date) => {
        const ids = calculateFunding(input(date, { measures }), ['beg_em_kfw_458'], seededRules(date)).ruleVersionIds;
        return ids.filter((id) => !id.startsWith('kfw_358')).every((id) => id.endsWith(':2026-07-21'));
      }),
    );
  });

  it('EBW has no rule after 31 Dec 2026 (no successor known): the service refuses, never guesses', () => {
    expect(seededRule('ebw', '2026-12-31')).toBeDefined();
    expect(seededRule('ebw', '2027-01-01')).toBeUndefined();
  });
});

describe('KfW 458 steps within the 2026 version', () => {
  const grant = (date: string) => kfw458(date, 'heat_pump_air', 28_000, { ownerOccupied: true, taxableIncomeCents: null, minorChildren: 0 }, { units: 1, affected: 1, owner: 1 });
  it('climate-speed bonus 16 → 12 → 8 → 4 → 0 pp half-yearly', () => {
    expect(['2027-01-31', '2027-02-01', '2027-08-01', '2028-02-01', '2028-08-01'].map((d) => grant(d).components.find((c) => c.key === 'climateSpeed')?.rateBp ?? 0)).toEqual([1600, 1200, 800, 400, 0]);
  });
  it('first-unit cost cap falls €750 every half-year to €22,000', () => {
    expect(['2027-01-31', '2027-02-01', '2027-08-01', '2030-08-01', '2030-12-31'].map((d) => grant(d).capCents)).toEqual([2_800_000, 2_725_000, 2_650_000, 2_200_000, 2_200_000]);
  });
  it('income bonus in three steps, the family supplement once, and the 80 % cap', () => {
    const at = (income: number, children = 0) =>
      kfw458('2026-10-01', 'heat_pump_air', 20_000, { ownerOccupied: true, taxableIncomeCents: income * 100, minorChildren: children }, { units: 1, affected: 1, owner: 1 });
    expect(at(30_000).components.find((c) => c.key === 'income')?.rateBp).toBe(4000);
    expect(at(30_000.01).components.find((c) => c.key === 'income')?.rateBp).toBe(3000);
    expect(at(50_000).components.find((c) => c.key === 'income')?.rateBp).toBe(1000);
    expect(at(50_000.01).components.find((c) => c.key === 'income')).toBeUndefined();
    expect(at(60_000, 3).components.find((c) => c.key === 'income')?.rateBp).toBe(1000); // reduced once, not per child
    // 30 + 16 + 40 = 86 % → capped at 80 % (income ≤ 30,000): 16,000 €; at 30,000.01: 30+16+30 = 76 % → capped at 70 % = 14,000 €
    expect(at(30_000).grantCents).toBe(1_600_000);
    expect(at(40_000, 1).rateCapBp).toBe(8000);
    expect(at(30_000.01).grantCents).toBe(1_400_000);
  });
  it('cumulation with other public funds is limited to 60 % of the eligible costs', () => {
    const i = input('2026-10-01', { measures: [measure('heat_pump_air', 20_000, { otherPublicFundingCents: 500_000 })], household: { ownerOccupied: true, taxableIncomeCents: 2_000_000, minorChildren: 0 } });
    const ref = seededRule('kfw_458', '2026-10-01')!;
    const result = calculateMeasureGrant(ref, ref.body as MeasureGrantRule, i.measures, i);
    expect(result.grantCents).toBe(700_000); // 60 % × 20,000 − 5,000
    expect(result.components.find((c) => c.key === 'cumulation')!.amountCents).toBe(700_000 - 1_600_000);
  });
});

describe('money rounding rule (down to the cent, parts add up)', () => {
  it('rounds shares of cents down', () => {
    expect(percentOf(333, 1500)).toBe(49); // 49.95 → 49
    expect(fractionOf(8_800_000, 1, 3)).toBe(2_933_333);
  });
  it('splits add up exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.array(fc.integer({ min: 0, max: 1e8 }), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        const even = splitEvenly(total, weights.length);
        const prop = splitProportionally(total, weights);
        return sum(even) === total && (sum(weights) === 0 ? sum(prop) === 0 : sum(prop) === total);
      }),
    );
  });
});
