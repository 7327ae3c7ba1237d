import type { FieldError } from '@libs/http';
import type { BuildingSystemKind } from './building-systems.schema';

/** Fields that describe only some kinds of plant. */
export const KIND_SPECIFIC_FIELDS = {
  peakPowerKwp: ['photovoltaics'],
  capacityKwh: ['storage'],
  heatRecovery: ['ventilation'],
  hydraulicallyBalanced: ['distribution', 'heat_generator'],
} as const satisfies Record<string, readonly BuildingSystemKind[]>;

type KindSpecificField = keyof typeof KIND_SPECIFIC_FIELDS;

/** Why a system's fields do not fit its kind (a PV system has no heat recovery). */
export function buildingSystemErrors(kind: BuildingSystemKind, fields: Partial<Record<KindSpecificField, unknown>>): FieldError[] {
  return (Object.keys(KIND_SPECIFIC_FIELDS) as KindSpecificField[])
    .filter((field) => fields[field] !== undefined && fields[field] !== null && !(KIND_SPECIFIC_FIELDS[field] as readonly string[]).includes(kind))
    .map((field) => ({ path: field, message: `${field} describes ${KIND_SPECIFIC_FIELDS[field].join(' or ')} systems, not ${kind}` }));
}
