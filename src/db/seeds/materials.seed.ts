import { buildSearchText } from '@libs/search';
import { materials } from '../schema';
import { Seed, seedUuid } from './seed-utils';

type Group = (typeof materials.group.enumValues)[number];
type Entry = [key: string, de: string, en: string, group: Group, lambda: number, density: number | null, source: string];

const KS_TAFEL_3 = 'DIN V 4108-4 / DIN EN 12524 (Bemessungswert), zitiert in Bundesverband Kalksandsteinindustrie: KALKSANDSTEIN – Wärmeschutz 01/2009, Tafel 3';
const DIN_4108_4 = 'DIN 4108-4 (Bemessungswert der Wärmeleitfähigkeit)';
const ISO_10456 = 'DIN EN ISO 10456, Tabelle 3 (Bemessungswerte)';
const ISO_13370 = 'DIN EN ISO 13370 (Wärmeleitfähigkeit des Erdreichs)';
const ZIEGEL_AT = 'Rechenwerte Ziegelmauerwerk, https://www.ziegel.at/de/waermeschutz_waermeleitfaehigkeit (Stand 2002)';
const WLS = (stufe: string) => `Wärmeleitstufe WLS ${stufe}: Bemessungswert λ = 0,${stufe} W/(m·K) (DIN 4108-4, Produkt mit Leistungserklärung)`;

/**
 * Common building materials with their design thermal conductivity λ in W/(m·K) and its source.
 * Transcribed from the secondary copies named in `source` (standards' tables as quoted by
 * manufacturers' associations) — check them against the standards before a certificate relies on
 * them; staff add manufacturer-declared products as their own materials.
 */
const MATERIALS: Entry[] = [
  ['ks-1200', 'Kalksandstein-Mauerwerk 1200 kg/m³', 'Calcium silicate masonry 1200 kg/m³', 'masonry', 0.56, 1200, KS_TAFEL_3],
  ['ks-1400', 'Kalksandstein-Mauerwerk 1400 kg/m³', 'Calcium silicate masonry 1400 kg/m³', 'masonry', 0.7, 1400, KS_TAFEL_3],
  ['ks-1600', 'Kalksandstein-Mauerwerk 1600 kg/m³', 'Calcium silicate masonry 1600 kg/m³', 'masonry', 0.79, 1600, KS_TAFEL_3],
  ['ks-1800', 'Kalksandstein-Mauerwerk 1800 kg/m³', 'Calcium silicate masonry 1800 kg/m³', 'masonry', 0.99, 1800, KS_TAFEL_3],
  ['ks-2000', 'Kalksandstein-Mauerwerk 2000 kg/m³', 'Calcium silicate masonry 2000 kg/m³', 'masonry', 1.1, 2000, KS_TAFEL_3],
  ['ks-2200', 'Kalksandstein-Mauerwerk 2200 kg/m³', 'Calcium silicate masonry 2200 kg/m³', 'masonry', 1.3, 2200, KS_TAFEL_3],
  ['vz-1600', 'Vollziegel-Mauerwerk 1600 kg/m³ (Normalmörtel)', 'Solid clay brick masonry 1600 kg/m³', 'masonry', 0.66, 1600, ZIEGEL_AT],
  ['vz-1800', 'Vollziegel-Mauerwerk 1800 kg/m³ (Normalmörtel)', 'Solid clay brick masonry 1800 kg/m³', 'masonry', 0.74, 1800, ZIEGEL_AT],
  ['vz-2000', 'Vollziegel-Mauerwerk 2000 kg/m³ (Normalmörtel)', 'Solid clay brick masonry 2000 kg/m³', 'masonry', 0.82, 2000, ZIEGEL_AT],
  ['hlz-1000', 'Hochlochziegel-Mauerwerk 1000 kg/m³ (vor etwa 1975)', 'Perforated clay brick masonry 1000 kg/m³ (before about 1975)', 'masonry', 0.43, 1000, ZIEGEL_AT],
  ['hlz-1200', 'Hochlochziegel-Mauerwerk 1200 kg/m³ (vor etwa 1975)', 'Perforated clay brick masonry 1200 kg/m³ (before about 1975)', 'masonry', 0.5, 1200, ZIEGEL_AT],
  ['hlz-800-ep', 'Hochlochziegel 800 kg/m³ mit Wärmedämmmörtel (nach etwa 1975)', 'Perforated clay brick 800 kg/m³ with insulating mortar (after about 1975)', 'masonry', 0.2, 800, ZIEGEL_AT],
  ['beton-2400', 'Normalbeton 2400 kg/m³, unbewehrt', 'Concrete 2400 kg/m³, unreinforced', 'concrete', 2.0, 2400, ISO_10456],
  ['stahlbeton-1', 'Stahlbeton (1 % Bewehrung)', 'Reinforced concrete (1 % steel)', 'concrete', 2.3, 2300, ISO_10456],
  ['stahlbeton-2', 'Stahlbeton (2 % Bewehrung)', 'Reinforced concrete (2 % steel)', 'concrete', 2.5, 2400, ISO_10456],
  ['beton-2000', 'Beton mittlerer Rohdichte 2000 kg/m³', 'Medium-density concrete 2000 kg/m³', 'concrete', 1.35, 2000, ISO_10456],
  ['putz-kalkzement', 'Putzmörtel aus Kalk, Kalkzement, hydraulischem Kalk', 'Lime / lime-cement plaster', 'plaster_mortar_screed', 1.0, 1800, KS_TAFEL_3],
  ['putz-gips', 'Putzmörtel aus Kalkgips, Gips, Anhydrit, Kalkanhydrit', 'Gypsum / anhydrite plaster', 'plaster_mortar_screed', 0.7, 1400, KS_TAFEL_3],
  ['gipsputz', 'Gipsputz ohne Zuschlag', 'Gypsum plaster without aggregate', 'plaster_mortar_screed', 0.51, 1200, KS_TAFEL_3],
  ['normalmoertel', 'Normalmauermörtel NM', 'Normal masonry mortar', 'plaster_mortar_screed', 1.2, 1800, KS_TAFEL_3],
  ['duennbettmoertel', 'Dünnbettmauermörtel DM', 'Thin-bed masonry mortar', 'plaster_mortar_screed', 1.0, 1600, KS_TAFEL_3],
  ['zementestrich', 'Zementestrich', 'Cement screed', 'plaster_mortar_screed', 1.4, 2000, KS_TAFEL_3],
  ['anhydritestrich', 'Anhydritestrich', 'Anhydrite screed', 'plaster_mortar_screed', 1.2, 2100, KS_TAFEL_3],
  ['gussasphalt', 'Gussasphaltestrich', 'Mastic asphalt screed', 'plaster_mortar_screed', 0.9, 2300, DIN_4108_4],
  ['eps-035', 'Expandiertes Polystyrol (EPS) WLS 035', 'Expanded polystyrene (EPS) WLS 035', 'insulation', 0.035, null, WLS('035')],
  ['eps-032', 'Expandiertes Polystyrol (EPS, grau) WLS 032', 'Expanded polystyrene (EPS, grey) WLS 032', 'insulation', 0.032, null, WLS('032')],
  ['xps-035', 'Extrudiertes Polystyrol (XPS) WLS 035', 'Extruded polystyrene (XPS) WLS 035', 'insulation', 0.035, null, WLS('035')],
  ['mw-032', 'Mineralwolle (Glaswolle) WLS 032', 'Mineral wool (glass wool) WLS 032', 'insulation', 0.032, null, WLS('032')],
  ['mw-035', 'Mineralwolle (Steinwolle) WLS 035', 'Mineral wool (stone wool) WLS 035', 'insulation', 0.035, null, WLS('035')],
  ['mw-040', 'Mineralwolle WLS 040', 'Mineral wool WLS 040', 'insulation', 0.04, null, WLS('040')],
  ['pur-024', 'Polyurethan-Hartschaum (PUR/PIR) WLS 024', 'Polyurethane rigid foam (PUR/PIR) WLS 024', 'insulation', 0.024, null, WLS('024')],
  ['pur-028', 'Polyurethan-Hartschaum (PUR/PIR) WLS 028', 'Polyurethane rigid foam (PUR/PIR) WLS 028', 'insulation', 0.028, null, WLS('028')],
  ['wf-040', 'Holzfaserdämmplatte WLS 040', 'Wood-fibre insulation board WLS 040', 'insulation', 0.04, null, WLS('040')],
  ['wf-045', 'Holzfaserdämmplatte WLS 045', 'Wood-fibre insulation board WLS 045', 'insulation', 0.045, null, WLS('045')],
  ['zellulose-040', 'Zellulose-Einblasdämmung WLS 040', 'Blown cellulose insulation WLS 040', 'insulation', 0.04, null, WLS('040')],
  ['nadelholz', 'Nadelholz (Konstruktionsholz)', 'Softwood (structural timber)', 'wood', 0.13, 500, ISO_10456],
  ['laubholz', 'Laubholz', 'Hardwood', 'wood', 0.18, 700, ISO_10456],
  ['sperrholz', 'Sperrholz', 'Plywood', 'board', 0.13, 500, ISO_10456],
  ['osb', 'OSB-Platte', 'Oriented strand board (OSB)', 'board', 0.13, 650, ISO_10456],
  ['spanplatte', 'Spanplatte', 'Particle board', 'board', 0.14, 600, ISO_10456],
  ['gipskarton', 'Gipskartonplatte', 'Gypsum plasterboard', 'board', 0.25, 900, ISO_10456],
  ['stahl', 'Stahl', 'Steel', 'metal', 50, 7800, ISO_10456],
  ['aluminium', 'Aluminium', 'Aluminium', 'metal', 160, 2800, ISO_10456],
  ['kupfer', 'Kupfer', 'Copper', 'metal', 380, 8900, ISO_10456],
  ['glas', 'Glas (Natron-Kalk-Glas)', 'Glass (soda-lime)', 'glass', 1.0, 2500, ISO_10456],
  ['bitumenbahn', 'Bitumenbahn', 'Bitumen sheet', 'membrane', 0.23, 1100, ISO_10456],
  ['pe-folie', 'Polyethylen-Folie (LDPE), Dampfbremse', 'Polyethylene sheet (LDPE), vapour control layer', 'membrane', 0.33, 920, ISO_10456],
  ['pvc-bahn', 'PVC-Dachbahn', 'PVC roofing membrane', 'membrane', 0.17, 1390, ISO_10456],
  ['granit', 'Granit', 'Granite', 'stone', 2.8, 2600, ISO_10456],
  ['sandstein', 'Sandstein', 'Sandstone', 'stone', 2.3, 2600, ISO_10456],
  ['marmor', 'Marmor', 'Marble', 'stone', 3.5, 2800, ISO_10456],
  ['fliesen', 'Keramische Fliesen', 'Ceramic tiles', 'covering', 1.3, 2300, ISO_10456],
  ['dachziegel', 'Dachziegel (Ton)', 'Clay roof tiles', 'covering', 1.0, 2000, ISO_10456],
  ['betondachstein', 'Betondachstein', 'Concrete roof tiles', 'covering', 1.5, 2100, ISO_10456],
  ['erdreich-ton', 'Erdreich: Ton oder Schluff', 'Ground: clay or silt', 'soil', 1.5, null, ISO_13370],
  ['erdreich-sand', 'Erdreich: Sand oder Kies', 'Ground: sand or gravel', 'soil', 2.0, null, ISO_13370],
];

/** The seeded material catalogue (read-only through the API). */
export const materialsSeed: Seed = {
  key: 'projects.materials',
  description: `material catalogue: ${MATERIALS.length} common building materials with design λ`,
  run: async ({ db }) => {
    await db.insert(materials).values(
      MATERIALS.map(([key, de, en, group, lambda, densityKgM3, source]) => ({
        id: seedUuid('materials', key),
        name: { de, en },
        group,
        lambda,
        densityKgM3,
        source,
        seeded: true,
        searchText: buildSearchText([de, en]),
      })),
    );
  },
};
