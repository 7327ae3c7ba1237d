import { calculateFunding, programsNeeded } from './routes.rules';
import { input, measure, seededRules } from './calculator.test-support';

describe('route comparison', () => {
  const measures = [measure('wall_insulation', 60_000), measure('heat_pump_air', 30_000)];
  const date = '2026-10-01';

  it('compares BEG EM + KfW 458 with KfW 261 and §35c and marks the best', () => {
    const result = calculateFunding(
      input(date, { measures, efficiencyHouse: { efficiencyClass: 'eh55', renewableClass: true, serialRenovation: false, sustainabilityClass: false } }, { isfpDate: '2026-05-01' }),
      ['beg_em_kfw_458', 'kfw_261', 'estg_35c'],
      seededRules(date),
    );
    const [beg, wg, tax] = result.routes;
    // BAFA: 15 % × 60,000 + 5 % × 30,000 = 10,500; KfW 458: (30 + 16) % × 28,000 = 12,880
    expect(beg.programs.map((p) => p.grantCents)).toEqual([1_050_000, 1_288_000]);
    expect(beg.totalCents).toBe(2_338_000);
    // KfW 261 EH 55 EE: 5 % × 90,000 = 4,500
    expect(wg.totalCents).toBe(450_000);
    // §35c: 20 % × 90,000 = 18,000 over three years 6,300 / 6,300 / 5,400
    expect(tax.totalCents).toBe(1_800_000);
    expect(tax.programs[0].yearAmountsCents).toEqual([630_000, 630_000, 540_000]);
    expect(result.bestRoute).toBe('beg_em_kfw_458');
    expect(result.routes.filter((r) => r.best).map((r) => r.route)).toEqual(['beg_em_kfw_458']);
    expect(beg.programs[0].explanation.de).toContain('iSFP-Bonus');
    expect(beg.programs[0].explanation.en).toContain('Result: 10.500,00 €');
  });

  it('answers an unavailable route with its reason (EH 55 without EE after the reform; §35c for landlords)', () => {
    const result = calculateFunding(
      input(date, { measures, household: { ownerOccupied: false, taxableIncomeCents: null, minorChildren: 0 }, efficiencyHouse: { efficiencyClass: 'eh55', renewableClass: false, serialRenovation: false, sustainabilityClass: false } }),
      ['kfw_261', 'estg_35c'],
      seededRules(date),
    );
    expect(result.routes.map((r) => r.available)).toEqual([false, false]);
    expect(result.routes[0].reason!.en).toContain('not funded');
    expect(result.bestRoute).toBeNull();
  });

  it('KfW 261 before the reform: EH 55 EE 20 % + WPB 10 + serial 15 capped at 20 pp', () => {
    const old = '2026-06-01';
    const result = calculateFunding(
      input(old, { measures, efficiencyHouse: { efficiencyClass: 'eh55', renewableClass: true, serialRenovation: true, sustainabilityClass: false } }, { energyCertificateClass: 'h' }),
      ['kfw_261'],
      seededRules(old),
    );
    expect(result.routes[0].programs[0].cappedRateBp).toBe(4000);
    expect(result.routes[0].totalCents).toBe(3_600_000);
  });

  it('needs the EBW rule only when a consultation fee is given', () => {
    expect(programsNeeded(['estg_35c'], { consultationFeeCents: null })).toEqual(['estg_35c']);
    expect(programsNeeded(['beg_em_kfw_458'], { consultationFeeCents: 100 })).toEqual(['beg_em_bafa', 'kfw_458', 'ebw']);
  });
});
