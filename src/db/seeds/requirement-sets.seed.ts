import type { LocalizedText } from '@libs/shared';
import { requirementLimits, requirementSets } from '../schema';
import { Seed, seedUuid } from './seed-utils';

type Category =
  | 'external_wall_air' | 'external_wall_ground' | 'external_wall_unheated' | 'pitched_roof' | 'flat_roof' | 'dormer' | 'top_floor_ceiling'
  | 'basement_ceiling' | 'ground_slab' | 'ceiling_to_outside_below' | 'window' | 'roof_window' | 'external_door' | 'curtain_wall' | 'glass_roof';
type Trigger = 'any' | 'replacement' | 'glazing_replaced' | 'floor_buildup_heated_side';
type Quantity = 'u' | 'u_w' | 'u_g' | 'u_c';
type Limit = [Category, Trigger, Quantity, number, string, LocalizedText];

const l = (de: string, en: string): LocalizedText => ({ de, en });
const WALLS = l('Außenwände', 'external walls');
const ROOFS = l('Dachflächen, Dachgauben und oberste Geschossdecken', 'roofs, dormers and top-floor ceilings');
const TO_GROUND_OR_UNHEATED = l('Wände und Decken gegen Erdreich oder unbeheizte Räume', 'walls and ceilings to the ground or unheated spaces');

/**
 * GEG Anlage 7, residential column (and non-residential zones ≥ 19 °C): maximum U-values when an
 * external component is replaced, first installed or renewed (§ 48 GEG 2020: applies when more than
 * 10 % of the component group's area changes). Special glazing (Nr. 3) and lift/slide doors (2 f)
 * are not modelled.
 */
const GEG_LIMITS: Limit[] = [
  ['external_wall_air', 'any', 'u', 0.24, 'Anlage 7 Nr. 1', WALLS],
  ['window', 'any', 'u_w', 1.3, 'Anlage 7 Nr. 2 a', l('Fenster und Fenstertüren', 'windows and French windows')],
  ['window', 'glazing_replaced', 'u_g', 1.1, 'Anlage 7 Nr. 2 c', l('Verglasungen', 'glazing')],
  ['roof_window', 'any', 'u_w', 1.4, 'Anlage 7 Nr. 2 b', l('Dachflächenfenster', 'roof windows')],
  ['roof_window', 'glazing_replaced', 'u_g', 1.1, 'Anlage 7 Nr. 2 c', l('Verglasungen', 'glazing')],
  ['curtain_wall', 'any', 'u_c', 1.5, 'Anlage 7 Nr. 2 d', l('Vorhangfassaden', 'curtain walls')],
  ['glass_roof', 'any', 'u', 2.0, 'Anlage 7 Nr. 2 e', l('Glasdächer', 'glass roofs')],
  ['external_door', 'any', 'u', 1.8, 'Anlage 7 Nr. 4', l('Außentüren', 'external doors')],
  ['pitched_roof', 'any', 'u', 0.24, 'Anlage 7 Nr. 5 a', ROOFS],
  ['dormer', 'any', 'u', 0.24, 'Anlage 7 Nr. 5 a', ROOFS],
  ['top_floor_ceiling', 'any', 'u', 0.24, 'Anlage 7 Nr. 5 b', ROOFS],
  ['flat_roof', 'any', 'u', 0.2, 'Anlage 7 Nr. 5 c', l('Flachdächer', 'flat roofs')],
  ['external_wall_ground', 'any', 'u', 0.3, 'Anlage 7 Nr. 6 a', TO_GROUND_OR_UNHEATED],
  ['external_wall_unheated', 'any', 'u', 0.3, 'Anlage 7 Nr. 6 a', TO_GROUND_OR_UNHEATED],
  ['basement_ceiling', 'any', 'u', 0.3, 'Anlage 7 Nr. 6 b', TO_GROUND_OR_UNHEATED],
  ['ground_slab', 'any', 'u', 0.3, 'Anlage 7 Nr. 6 b', TO_GROUND_OR_UNHEATED],
  ['basement_ceiling', 'floor_buildup_heated_side', 'u', 0.5, 'Anlage 7 Nr. 6 c', l('Fußbodenaufbauten auf der beheizten Seite', 'floor build-ups on the heated side')],
  ['ground_slab', 'floor_buildup_heated_side', 'u', 0.5, 'Anlage 7 Nr. 6 c', l('Fußbodenaufbauten auf der beheizten Seite', 'floor build-ups on the heated side')],
  ['ceiling_to_outside_below', 'any', 'u', 0.24, 'Anlage 7 Nr. 6 d', l('Decken nach unten gegen Außenluft', 'ceilings to outside air below')],
];

/**
 * BEG EM technical minimum requirements (U-values) for funded envelope measures, stricter than
 * GEG. Windows that are barrier-free or burglar-resistant may reach 1.1 (not modelled: one value
 * per category). No limits found for curtain walls and glass roofs.
 */
const BEG_LIMITS: Limit[] = [
  ['external_wall_air', 'any', 'u', 0.2, 'TMA: Außenwände', WALLS],
  ['pitched_roof', 'any', 'u', 0.14, 'TMA: Schrägdächer', l('Schrägdächer', 'pitched roofs')],
  ['flat_roof', 'any', 'u', 0.14, 'TMA: Flachdächer', l('Flachdächer', 'flat roofs')],
  ['dormer', 'any', 'u', 0.2, 'TMA: Dachgauben', l('Dachgauben', 'dormers')],
  ['top_floor_ceiling', 'any', 'u', 0.14, 'TMA: oberste Geschossdecken', l('oberste Geschossdecken', 'top-floor ceilings')],
  ['external_wall_ground', 'any', 'u', 0.25, 'TMA: Wände gegen Erdreich/unbeheizt', TO_GROUND_OR_UNHEATED],
  ['external_wall_unheated', 'any', 'u', 0.25, 'TMA: Wände gegen Erdreich/unbeheizt', TO_GROUND_OR_UNHEATED],
  ['basement_ceiling', 'any', 'u', 0.25, 'TMA: Decken gegen Erdreich/unbeheizt', TO_GROUND_OR_UNHEATED],
  ['ground_slab', 'any', 'u', 0.25, 'TMA: Böden gegen Erdreich', TO_GROUND_OR_UNHEATED],
  ['ceiling_to_outside_below', 'any', 'u', 0.2, 'TMA: Decken nach unten gegen Außenluft', l('Decken nach unten gegen Außenluft', 'ceilings to outside air below')],
  ['window', 'any', 'u_w', 0.95, 'TMA: Fenster, Balkon- und Terrassentüren', l('Fenster', 'windows')],
  ['roof_window', 'any', 'u_w', 1.0, 'TMA: Dachflächenfenster', l('Dachflächenfenster', 'roof windows')],
  ['external_door', 'any', 'u', 1.3, 'TMA: Außentüren', l('Außentüren', 'external doors')],
];

interface SetVersion {
  key: 'geg_anlage_7' | 'beg_em_tma';
  versionLabel: string;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  limits: Limit[];
}

const GEG = {
  kind: 'legal_maximum' as const,
  shortName: l('GEG-Höchstwert', 'GEG maximum'),
  name: l('GEG Anlage 7: Höchstwerte der Wärmedurchgangskoeffizienten bei Änderung von Außenbauteilen', 'GEG Annex 7: maximum U-values when external components are renewed'),
};
const BEG = {
  kind: 'funding_minimum' as const,
  shortName: l('BEG-Mindestanforderung', 'BEG minimum'),
  name: l('BEG EM: Technische Mindestanforderungen (U-Werte)', 'BEG EM technical minimum requirements (U-values)'),
};

const VERSIONS: SetVersion[] = [
  {
    key: 'geg_anlage_7',
    versionLabel: 'GEG 2020',
    legalBasis: '§ 48 GEG i. V. m. Anlage 7 (Gebäudeenergiegesetz vom 8. August 2020, BGBl. I S. 1728)',
    validFrom: '2020-11-01',
    validTo: '2026-07-28',
    source: 'GEG, BGBl. I 2020 S. 1728, Anlage 7 (S. 1783–1786); Text: github.com/bundestag/gesetze g/geg/index.md [verified]',
    limits: GEG_LIMITS,
  },
  {
    key: 'geg_anlage_7',
    versionLabel: 'GEG i. d. F. des GModG (2026)',
    legalBasis:
      'Anlage 7 GEG i. d. F. des Gebäudemodernisierungsgesetzes (GModG), BGBl. 2026 I Nr. 226, in Kraft seit 29.07.2026; ' +
      'die verweisende Norm (bisher § 48 GEG) vor dem Druck prüfen: Paragraphen wurden neu nummeriert',
    validFrom: '2026-07-29',
    validTo: null,
    source:
      'GModG, BGBl. 2026 I Nr. 226 (Art. 9 Abs. 1); Anlage 7 unverändert laut Auszügen von https://www.gesetze-im-internet.de/geg/anlage_7.html ' +
      '(abgerufen 6.10.2026) [secondary]',
    limits: GEG_LIMITS,
  },
  {
    key: 'beg_em_tma',
    versionLabel: 'BEG EM 2024',
    legalBasis: 'Richtlinie für die Bundesförderung für effiziente Gebäude – Einzelmaßnahmen (BEG EM), Regeln ab 1.1.2024, Anlage Technische Mindestanforderungen',
    validFrom: '2024-01-01',
    validTo: '2026-07-20',
    source:
      'https://www.energieberatung-eberbach.de/energieberatung/anforderungsvoraussetzungen/; gleiche Werte in der ESanMV (§ 35c EStG): ' +
      'https://lexcada.com/akn/de/act/2020-01-02/ESanMV/deu/!page_7 [secondary]',
    limits: BEG_LIMITS,
  },
  {
    key: 'beg_em_tma',
    versionLabel: 'BEG EM 2026',
    legalBasis: 'Richtlinie BEG EM vom 17.07.2026, BAnz AT 27.08.2026 B1 (rückwirkend ab 21.07.2026), Anlage Technische Mindestanforderungen',
    validFrom: '2026-07-21',
    validTo: '2030-12-31',
    source: 'BAnz AT 27.08.2026 B1; keine Änderung der U-Wert-Mindestanforderungen gegenüber 2024 gefunden [secondary]',
    limits: BEG_LIMITS,
  },
];

/**
 * The requirement sets the envelope checks use, as dated versions with their legal basis and
 * source; limit values are data here, never constants in code. A new version (a reform, a
 * renumbering) is a new seed with its own valid_from, never an edit of this one.
 */
export const requirementSetsSeed: Seed = {
  key: 'projects.requirement-sets',
  description: `requirement sets: ${VERSIONS.map((v) => v.versionLabel).join(', ')}`,
  run: async ({ db }) => {
    for (const version of VERSIONS) {
      const id = seedUuid('requirementSets', `${version.key}:${version.validFrom}`);
      const { limits, ...fields } = version;
      await db.insert(requirementSets).values({ id, ...(version.key === 'geg_anlage_7' ? GEG : BEG), ...fields });
      await db.insert(requirementLimits).values(
        limits.map(([category, trigger, quantity, uMax, citation, componentLabel]) => ({
          id: seedUuid('requirementSets', `${version.key}:${version.validFrom}:${category}:${trigger}`),
          requirementSetId: id,
          category,
          trigger,
          quantity,
          uMax,
          citation,
          componentLabel,
        })),
      );
    }
  },
};
