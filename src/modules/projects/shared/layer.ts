import type { ThermalLayer } from '../components/u-value';

/**
 * A layer as stored on a component or a measure (jsonb), outside to inside or in any order (U does
 * not depend on it): the material's name and λ are copied when entered, so a later change of the
 * catalogue never changes a stored build-up.
 */
export interface StoredLayer extends ThermalLayer {
  materialId: string | null;
  name: string;
  thicknessMm: number;
  lambda: number | null;
  resistance: number | null;
}
