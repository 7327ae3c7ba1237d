import type { LocalizedText } from '@libs/shared';
import type { ComponentCategory } from '../shared/projects-enums.schema';

/** How explanations name a component category when no limit row names it (presentation, not domain data). */
export const CATEGORY_LABELS: Readonly<Record<ComponentCategory, LocalizedText>> = {
  external_wall_air: { de: 'Außenwände', en: 'external walls' },
  external_wall_ground: { de: 'Wände gegen Erdreich', en: 'walls to the ground' },
  external_wall_unheated: { de: 'Wände gegen unbeheizte Räume', en: 'walls to unheated spaces' },
  pitched_roof: { de: 'Steildächer', en: 'pitched roofs' },
  flat_roof: { de: 'Flachdächer', en: 'flat roofs' },
  dormer: { de: 'Dachgauben', en: 'dormers' },
  top_floor_ceiling: { de: 'oberste Geschossdecken', en: 'top-floor ceilings' },
  basement_ceiling: { de: 'Kellerdecken', en: 'basement ceilings' },
  ground_slab: { de: 'Bodenplatten', en: 'ground slabs' },
  ceiling_to_outside_below: { de: 'Decken nach unten gegen Außenluft', en: 'ceilings to outside air below' },
  window: { de: 'Fenster', en: 'windows' },
  roof_window: { de: 'Dachflächenfenster', en: 'roof windows' },
  external_door: { de: 'Außentüren', en: 'external doors' },
  curtain_wall: { de: 'Vorhangfassaden', en: 'curtain walls' },
  glass_roof: { de: 'Glasdächer', en: 'glass roofs' },
};
