import fc from 'fast-check';
import { formatSignificant, layerResistance, roundSignificant, ThermalLayer, totalResistance, uValueOfLayers, uValueWithAddedLayers } from './u-value';

const WALL = { rsi: 0.13, rse: 0.04 };

describe('U-value per DIN EN ISO 6946: worked examples from published sources', () => {
  it('wohnbar.de, Lexikon "U-Wert": lime plaster, perforated brick, air layer, facing brick → R_T 1.28, U = 0.78', () => {
    // https://wohnbar.de/lexikon/u-wert — Kalkputz 0,02 m / λ 0,87; Hochlochziegel 0,24 m / λ 0,3;
    // Luftschicht R = 0,17; Verblender 0,115 m / λ 0,96; Rsi 0,13, Rse 0,04. The page's table prints
    // 0,08 for the brick's d/λ (0,24/0,3 = 0,8); its sum 1,11 and its result use 0,8.
    const layers: ThermalLayer[] = [
      { thicknessMm: 20, lambda: 0.87 },
      { thicknessMm: 240, lambda: 0.3 },
      { thicknessMm: 40, resistance: 0.17 },
      { thicknessMm: 115, lambda: 0.96 },
    ];
    expect(totalResistance(layers, WALL)).toBeCloseTo(1.28, 2);
    expect(uValueOfLayers(layers, WALL)).toBeCloseTo(0.7796, 4);
    expect(roundSignificant(uValueOfLayers(layers, WALL), 2)).toBe(0.78);
  });

  it('conserveandsave.co.uk, "Wall U-values": double brick wall without air gap → R_T 0.54 (their U 1.85 is 1/0.54)', () => {
    // http://www.conserveandsave.co.uk/calculations/wall-u-values — render 0.018 m / 0.50; external
    // brick 0.102 m / 0.77; internal brick 0.102 m / 0.56; dense plaster 0.013 m / 0.57; Rso 0.04,
    // Rsi 0.13. The page rounds each resistance to two decimals, totals 0.54 and quotes 1/0.54 = 1.85;
    // unrounded R_T is 0.5434, so U = 1.840 (1.8 at two significant figures).
    const layers: ThermalLayer[] = [
      { thicknessMm: 18, lambda: 0.5 },
      { thicknessMm: 102, lambda: 0.77 },
      { thicknessMm: 102, lambda: 0.56 },
      { thicknessMm: 13, lambda: 0.57 },
    ];
    expect(totalResistance(layers, WALL)).toBeCloseTo(0.54, 2);
    expect(uValueOfLayers(layers, WALL)).toBeCloseTo(1.8402, 3);
    expect(1 / Number(totalResistance(layers, WALL).toFixed(2))).toBeCloseTo(1.85, 2);
    expect(roundSignificant(uValueOfLayers(layers, WALL), 2)).toBe(1.8);
  });

  it('lambdacalculator.eu, "Brick wall without insulation": 1.5 cm plaster, 25 cm solid brick, 1.5 cm render → R_T 0.53', () => {
    // https://lambdacalculator.eu/es/u-value-brick-wall-no-insulation.html — gypsum plaster 1.5 cm /
    // 0.700; solid ceramic brick 25 cm / 0.770; silicone render 1.5 cm / 0.870; surface resistances
    // 0.17 in total (0.13 + 0.04); total resistance 0.53 m²K/W.
    const layers: ThermalLayer[] = [
      { thicknessMm: 15, lambda: 0.7 },
      { thicknessMm: 250, lambda: 0.77 },
      { thicknessMm: 15, lambda: 0.87 },
    ];
    expect(totalResistance(layers, WALL)).toBeCloseTo(0.533, 3);
    expect(roundSignificant(uValueOfLayers(layers, WALL), 2)).toBe(1.9);
  });

  it('surface resistances by heat-flow direction change U as the standard says: upwards < horizontal < downwards in R_si', () => {
    const slab: ThermalLayer[] = [{ thicknessMm: 160, lambda: 2.3 }];
    const up = uValueOfLayers(slab, { rsi: 0.1, rse: 0.04 });
    const horizontal = uValueOfLayers(slab, { rsi: 0.13, rse: 0.04 });
    const down = uValueOfLayers(slab, { rsi: 0.17, rse: 0.04 });
    expect(up).toBeGreaterThan(horizontal);
    expect(horizontal).toBeGreaterThan(down);
    // towards an unheated cellar R_se = R_si = 0.17: 1 / (0.17 + 0.0696 + 0.17)
    expect(uValueOfLayers(slab, { rsi: 0.17, rse: 0.17 })).toBeCloseTo(2.4416, 3);
  });

  it('adds layers to a component known only by its U', () => {
    // An old wall with a declared U of 1.4 gets 140 mm of λ 0.035: 1 / (1/1.4 + 4) = 0.2121
    expect(uValueWithAddedLayers(1.4, [{ thicknessMm: 140, lambda: 0.035 }])).toBeCloseTo(0.2121, 4);
  });

  it('refuses layers without lambda or resistance and non-positive U', () => {
    expect(() => layerResistance({ thicknessMm: 10 })).toThrow(RangeError);
    expect(() => layerResistance({ thicknessMm: 10, lambda: 0 })).toThrow(RangeError);
    expect(() => uValueWithAddedLayers(0, [])).toThrow(RangeError);
  });
});

describe('rounding to significant figures', () => {
  it.each([
    [0.2743, 0.27],
    [0.275, 0.28],
    [1.234, 1.2],
    [0.09871, 0.099],
    [1.25, 1.3],
    [2.449, 2.4],
    [0.2, 0.2],
    [5.73, 5.7],
  ])('%p → %p', (value, expected) => {
    expect(roundSignificant(value, 2)).toBe(expected);
  });

  it('formats with trailing zeros and the locale decimal separator', () => {
    expect(formatSignificant(0.2, 2, 'en')).toBe('0.20');
    expect(formatSignificant(0.2743, 2, 'de')).toBe('0,27');
    expect(formatSignificant(1.3, 2, 'en')).toBe('1.3');
  });
});

describe('U-value properties (fast-check)', () => {
  const layer = fc.record({
    thicknessMm: fc.double({ min: 1, max: 500, noNaN: true }),
    lambda: fc.double({ min: 0.02, max: 3, noNaN: true }),
  });
  const layers = fc.array(layer, { minLength: 0, maxLength: 8 });
  const surface = fc.record({ rsi: fc.constantFrom(0.1, 0.13, 0.17), rse: fc.constantFrom(0, 0.04, 0.1, 0.13, 0.17) });

  it('adding a layer never raises U (and a layer of positive thickness lowers it)', () => {
    fc.assert(
      fc.property(layers, layer, surface, (base, extra, s) => {
        const before = uValueOfLayers(base, s);
        const after = uValueOfLayers([...base, extra], s);
        expect(after).toBeLessThan(before);
      }),
    );
  });

  it('U is positive and never above 1 / (R_si + R_se)', () => {
    fc.assert(
      fc.property(layers, surface, (base, s) => {
        const u = uValueOfLayers(base, s);
        expect(u).toBeGreaterThan(0);
        expect(u).toBeLessThanOrEqual(1 / (s.rsi + s.rse) + 1e-12);
      }),
    );
  });

  it('the order of the layers does not matter', () => {
    fc.assert(
      fc.property(layers, surface, (base, s) => {
        expect(uValueOfLayers([...base].reverse(), s)).toBeCloseTo(uValueOfLayers(base, s), 12);
      }),
    );
  });

  it('a thicker layer or a lower λ never raises U', () => {
    fc.assert(
      fc.property(layers, layer, fc.double({ min: 1, max: 3, noNaN: true }), surface, (base, extra, factor, s) => {
        const u = uValueOfLayers([...base, extra], s);
        expect(uValueOfLayers([...base, { ...extra, thicknessMm: extra.thicknessMm * factor }], s)).toBeLessThanOrEqual(u + 1e-12);
        expect(uValueOfLayers([...base, { ...extra, lambda: extra.lambda / factor }], s)).toBeLessThanOrEqual(u + 1e-12);
      }),
    );
  });

  it('adding layers to the U of a build-up equals computing the longer build-up', () => {
    fc.assert(
      fc.property(layers, layers, surface, (base, added, s) => {
        expect(uValueWithAddedLayers(uValueOfLayers(base, s), added)).toBeCloseTo(uValueOfLayers([...base, ...added], s), 10);
      }),
    );
  });

  it('rounding keeps two significant figures and moves the value by at most half a unit of the last one', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10, noNaN: true }), (value) => {
        const rounded = roundSignificant(value, 2);
        const unit = 10 ** (Math.floor(Math.log10(value)) - 1);
        expect(Math.abs(rounded - value)).toBeLessThanOrEqual(unit / 2 + 1e-12);
        expect(Number(rounded.toPrecision(2))).toBe(rounded);
      }),
    );
  });
});
