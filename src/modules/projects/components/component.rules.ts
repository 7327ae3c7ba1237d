import type { FieldError } from '@libs/http';
import type { StoredLayer } from '../shared/layer';
import type { ComponentBoundary, ComponentCategory, HeatFlowDirection } from '../shared/projects-enums.schema';
import { roundSignificant, uValueOfLayers } from './u-value';
import type { UValueSource } from './components.schema';

interface CategoryThermal {
  /** The usual heat-flow direction (R_si): walls horizontal, roofs and top ceilings upwards, floors downwards. */
  heatFlow: HeatFlowDirection;
  /** What lies on the cold side (R_se): outside air, ground, or an unheated space. */
  boundary: ComponentBoundary;
  /** DIN EN ISO 6946 covers opaque layered components; windows, doors, curtain walls and glass roofs have declared values (EN ISO 10077, 12631). */
  layered: boolean;
}

export const CATEGORY_THERMAL: Readonly<Record<ComponentCategory, CategoryThermal>> = {
  external_wall_air: { heatFlow: 'horizontal', boundary: 'outside_air', layered: true },
  external_wall_ground: { heatFlow: 'horizontal', boundary: 'ground', layered: true },
  external_wall_unheated: { heatFlow: 'horizontal', boundary: 'unheated_space', layered: true },
  pitched_roof: { heatFlow: 'upwards', boundary: 'outside_air', layered: true },
  flat_roof: { heatFlow: 'upwards', boundary: 'outside_air', layered: true },
  // Mostly the dormer's cheeks and front: vertical surfaces.
  dormer: { heatFlow: 'horizontal', boundary: 'outside_air', layered: true },
  top_floor_ceiling: { heatFlow: 'upwards', boundary: 'unheated_space', layered: true },
  basement_ceiling: { heatFlow: 'downwards', boundary: 'unheated_space', layered: true },
  ground_slab: { heatFlow: 'downwards', boundary: 'ground', layered: true },
  ceiling_to_outside_below: { heatFlow: 'downwards', boundary: 'outside_air', layered: true },
  window: { heatFlow: 'horizontal', boundary: 'outside_air', layered: false },
  roof_window: { heatFlow: 'upwards', boundary: 'outside_air', layered: false },
  external_door: { heatFlow: 'horizontal', boundary: 'outside_air', layered: false },
  curtain_wall: { heatFlow: 'horizontal', boundary: 'outside_air', layered: false },
  glass_roof: { heatFlow: 'upwards', boundary: 'outside_air', layered: false },
};

/** The U-value method as the calculation needs it: rounding and surface resistances. */
export interface UValueMethodData {
  id: string;
  significantFigures: number;
  resistances: readonly { heatFlow: HeatFlowDirection; boundary: ComponentBoundary; rsi: number; rse: number }[];
}

/** What a component's U-value depends on. */
export interface ComponentThermalInput {
  category: ComponentCategory;
  heatFlowDirection: HeatFlowDirection | null;
  layers: readonly StoredLayer[];
  declaredUValue: number | null;
}

export interface ComponentUValue {
  uValue: number | null;
  uValueRounded: number | null;
  uValueSource: UValueSource | null;
  uValueMethodId: string | null;
}

const NO_U_VALUE: ComponentUValue = { uValue: null, uValueRounded: null, uValueSource: null, uValueMethodId: null };

/** R_si/R_se for a component of `category` (with an optional heat-flow override), or undefined when the method has none. */
export function surfaceResistancesFor(method: UValueMethodData, category: ComponentCategory, override: HeatFlowDirection | null) {
  const { heatFlow, boundary } = CATEGORY_THERMAL[category];
  return method.resistances.find((r) => r.heatFlow === (override ?? heatFlow) && r.boundary === boundary);
}

/**
 * The component's U-value as stored: computed from its layers (unrounded, and rounded as the
 * method presents it), or its declared value; none without either.
 */
export function componentUValue(input: ComponentThermalInput, method: UValueMethodData): ComponentUValue {
  if (input.declaredUValue !== null) {
    return { uValue: input.declaredUValue, uValueRounded: roundSignificant(input.declaredUValue, method.significantFigures), uValueSource: 'declared', uValueMethodId: method.id };
  }
  if (input.layers.length === 0) return NO_U_VALUE;
  const surface = surfaceResistancesFor(method, input.category, input.heatFlowDirection);
  if (!surface) return NO_U_VALUE;
  const uValue = uValueOfLayers(input.layers, surface);
  return { uValue, uValueRounded: roundSignificant(uValue, method.significantFigures), uValueSource: 'computed', uValueMethodId: method.id };
}

/** Why a component's thermal fields do not fit together (empty when they do). */
export function thermalInputErrors(input: ComponentThermalInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.layers.length > 0 && input.declaredUValue !== null) {
    errors.push({ path: 'declaredUValue', message: 'give either layers (the U-value is computed) or declaredUValue, not both' });
  }
  if (input.layers.length > 0 && !CATEGORY_THERMAL[input.category].layered) {
    errors.push({ path: 'layers', message: `a ${input.category} has a declared U-value (EN ISO 10077/12631), not layers` });
  }
  return errors;
}
