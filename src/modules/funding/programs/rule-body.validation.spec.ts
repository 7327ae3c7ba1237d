import { FUNDING_PROGRAMS } from './funding-programs.data';
import { validateRuleBody } from './rule-body.validation';

describe('rule body validation', () => {
  it('accepts every seeded body', () => {
    for (const program of FUNDING_PROGRAMS) for (const version of program.versions) {
      try {
        validateRuleBody(JSON.parse(JSON.stringify(version.body)));
      } catch (e) {
        throw new Error(`${program.key} ${version.label}: ${JSON.stringify((e as { errors?: unknown }).errors)}`);
      }
    }
  });

  it('refuses unknown kinds, unknown fields, out-of-range rates and rising income rates', () => {
    const kfw = JSON.parse(JSON.stringify(FUNDING_PROGRAMS.find((p) => p.key === 'kfw_458')!.versions[1].body));
    expect(() => validateRuleBody({ kind: 'magic' })).toThrow(/body.kind/);
    expect(() => validateRuleBody({ ...kfw, extra: 1 })).toThrow(/invalid/);
    expect(() => validateRuleBody({ ...kfw, baseRateBp: 10_001 })).toThrow(/invalid/);
    const rising = { ...kfw, bonuses: { ...kfw.bonuses, income: { steps: [{ maxIncomeCents: 1, rateBp: 100 }, { maxIncomeCents: 2, rateBp: 200 }], familySupplement: null } } };
    expect(() => validateRuleBody(rising)).toThrow(/no higher than/);
    expect(() => validateRuleBody([])).toThrow(/object/);
  });
});
