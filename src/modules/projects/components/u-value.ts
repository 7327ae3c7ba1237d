/**
 * Thermal transmittance of a building component of homogeneous layers, DIN EN ISO 6946:
 *
 *   R_T = R_si + Σ R_i + R_se,   R_i = d_i / λ_i (or the tabulated R of an air layer),   U = 1 / R_T
 *
 * Pure functions over numbers; the surface resistances and the rounding come from reference data
 * (u_value_methods, surface_resistances), never from here.
 */

/** One layer: its thickness and either its design conductivity λ or, for an air layer, its thermal resistance. */
export interface ThermalLayer {
  /** Thickness in millimetres. */
  thicknessMm: number;
  /** Design thermal conductivity λ in W/(m·K). */
  lambda?: number | null;
  /** Thermal resistance R in m²·K/W (unventilated air layers, tabulated in the standard). */
  resistance?: number | null;
}

/** Internal and external surface resistances in m²·K/W. */
export interface SurfaceResistances {
  rsi: number;
  rse: number;
}

/** R of one layer in m²·K/W: d/λ, or its given resistance. */
export function layerResistance(layer: ThermalLayer): number {
  if (layer.resistance !== undefined && layer.resistance !== null) return layer.resistance;
  if (layer.lambda === undefined || layer.lambda === null || layer.lambda <= 0) throw new RangeError('a layer needs a positive lambda or a resistance');
  return layer.thicknessMm / 1000 / layer.lambda;
}

/** R_T: surface resistances plus every layer's resistance. */
export function totalResistance(layers: readonly ThermalLayer[], surface: SurfaceResistances): number {
  return layers.reduce((sum, layer) => sum + layerResistance(layer), surface.rsi + surface.rse);
}

/** U = 1 / R_T in W/(m²·K), unrounded. */
export function uValueOfLayers(layers: readonly ThermalLayer[], surface: SurfaceResistances): number {
  return 1 / totalResistance(layers, surface);
}

/**
 * U after adding layers to a component known only by its U (declared or measured): its R_T already
 * contains the surface resistances, so the new layers' resistances are added to 1/U.
 */
export function uValueWithAddedLayers(currentU: number, added: readonly ThermalLayer[]): number {
  if (!(currentU > 0)) throw new RangeError('the current U-value must be positive');
  return 1 / added.reduce((sum, layer) => sum + layerResistance(layer), 1 / currentU);
}

/**
 * `value` rounded to `figures` significant figures (half away from zero), as the standard presents
 * a U-value: 0.2743 → 0.27, 1.234 → 1.2, 0.09871 → 0.099.
 */
export function roundSignificant(value: number, figures: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  if (!Number.isInteger(figures) || figures < 1) throw new RangeError('figures must be a positive integer');
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const scale = 10 ** (figures - 1 - exponent);
  // toPrecision keeps the binary-to-decimal step exact before rounding (1.005 stays 1.005 → 1.0).
  const rounded = Math.sign(value) * Math.round(Number((Math.abs(value) * scale).toPrecision(15))) / scale;
  return Number(rounded.toPrecision(figures));
}

/** A value at `figures` significant figures as text, trailing zeros kept: 0.2 → "0.20", 1.3 → "1.3". */
export function formatSignificant(value: number, figures: number, locale: 'de' | 'en'): string {
  const text = roundSignificant(value, figures).toPrecision(figures);
  return locale === 'de' ? text.replace('.', ',') : text;
}
