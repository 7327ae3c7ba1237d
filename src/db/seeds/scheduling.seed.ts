import { appointmentKindSettings, postcodeRegions } from '../schema';
import { Seed, seedUuid } from './seed-utils';

type Kind = (typeof appointmentKindSettings.kind.enumValues)[number];

const SETTINGS_SOURCE = 'Renewa defaults for travel buffers and reminders (company setting, 2026-12); change by adding a row with a later valid_from';

/** [kind, buffer before, buffer after, reminder lead times (minutes), on site] */
const KIND_SETTINGS: [Kind, number, number, number[], boolean][] = [
  ['on_site_visit', 30, 30, [1440, 120], true],
  ['consultation', 15, 15, [1440, 60], true],
  ['isfp_handover', 30, 30, [1440, 120], true],
  ['construction_supervision', 30, 30, [1440], true],
  ['phone_call', 0, 0, [30], false],
  ['internal', 0, 0, [15], false],
];

const POSTCODE_SOURCE =
  'Principal town of the two-digit postcode region (Leitregion), WGS84 rounded to 0.01°, from public gazetteer coordinates (Wikipedia/OpenStreetMap); an approximation of the region, not a computed centroid';

/** [prefix, principal town, latitude, longitude] — 05, 11, 43 and 62 are not assigned. */
const REGIONS: [string, string, number, number][] = [
  ['01', 'Dresden', 51.05, 13.74], ['02', 'Bautzen', 51.18, 14.43], ['03', 'Cottbus', 51.76, 14.33], ['04', 'Leipzig', 51.34, 12.37],
  ['06', 'Halle (Saale)', 51.48, 11.97], ['07', 'Gera', 50.88, 12.08], ['08', 'Zwickau', 50.72, 12.49], ['09', 'Chemnitz', 50.83, 12.92],
  ['10', 'Berlin', 52.52, 13.4], ['12', 'Berlin-Neukölln', 52.45, 13.5], ['13', 'Berlin-Reinickendorf', 52.57, 13.35], ['14', 'Potsdam', 52.39, 13.06],
  ['15', 'Frankfurt (Oder)', 52.34, 14.55], ['16', 'Eberswalde', 52.83, 13.82], ['17', 'Neubrandenburg', 53.56, 13.26], ['18', 'Rostock', 54.09, 12.1],
  ['19', 'Schwerin', 53.63, 11.41], ['20', 'Hamburg', 53.55, 10.0], ['21', 'Lüneburg', 53.25, 10.41], ['22', 'Hamburg-Eimsbüttel', 53.6, 9.95],
  ['23', 'Lübeck', 53.87, 10.69], ['24', 'Kiel', 54.32, 10.14], ['25', 'Itzehoe', 53.92, 9.52], ['26', 'Oldenburg', 53.14, 8.21],
  ['27', 'Bremerhaven', 53.54, 8.58], ['28', 'Bremen', 53.08, 8.8], ['29', 'Celle', 52.62, 10.08], ['30', 'Hannover', 52.37, 9.74],
  ['31', 'Hildesheim', 52.15, 9.95], ['32', 'Herford', 52.11, 8.67], ['33', 'Bielefeld', 52.02, 8.53], ['34', 'Kassel', 51.31, 9.48],
  ['35', 'Gießen', 50.58, 8.68], ['36', 'Fulda', 50.55, 9.68], ['37', 'Göttingen', 51.54, 9.93], ['38', 'Braunschweig', 52.27, 10.52],
  ['39', 'Magdeburg', 52.13, 11.63], ['40', 'Düsseldorf', 51.23, 6.78], ['41', 'Mönchengladbach', 51.19, 6.44], ['42', 'Wuppertal', 51.26, 7.15],
  ['44', 'Dortmund', 51.51, 7.47], ['45', 'Essen', 51.46, 7.01], ['46', 'Oberhausen', 51.47, 6.85], ['47', 'Duisburg', 51.43, 6.76],
  ['48', 'Münster', 51.96, 7.63], ['49', 'Osnabrück', 52.28, 8.05], ['50', 'Köln', 50.94, 6.96], ['51', 'Leverkusen', 51.03, 6.98],
  ['52', 'Aachen', 50.78, 6.08], ['53', 'Bonn', 50.74, 7.1], ['54', 'Trier', 49.75, 6.64], ['55', 'Mainz', 50.0, 8.27],
  ['56', 'Koblenz', 50.36, 7.59], ['57', 'Siegen', 50.87, 8.02], ['58', 'Hagen', 51.36, 7.47], ['59', 'Hamm', 51.68, 7.82],
  ['60', 'Frankfurt am Main', 50.11, 8.68], ['61', 'Bad Homburg', 50.23, 8.62], ['63', 'Hanau', 50.13, 8.92], ['64', 'Darmstadt', 49.87, 8.65],
  ['65', 'Wiesbaden', 50.08, 8.24], ['66', 'Saarbrücken', 49.24, 6.99], ['67', 'Ludwigshafen', 49.48, 8.44], ['68', 'Mannheim', 49.49, 8.47],
  ['69', 'Heidelberg', 49.4, 8.69], ['70', 'Stuttgart', 48.78, 9.18], ['71', 'Ludwigsburg', 48.89, 9.19], ['72', 'Tübingen', 48.52, 9.06],
  ['73', 'Esslingen', 48.74, 9.31], ['74', 'Heilbronn', 49.14, 9.22], ['75', 'Pforzheim', 48.89, 8.7], ['76', 'Karlsruhe', 49.01, 8.4],
  ['77', 'Offenburg', 48.47, 7.94], ['78', 'Villingen-Schwenningen', 48.06, 8.46], ['79', 'Freiburg im Breisgau', 47.99, 7.85], ['80', 'München', 48.14, 11.58],
  ['81', 'München-Ost', 48.12, 11.6], ['82', 'Starnberg', 48.0, 11.34], ['83', 'Rosenheim', 47.86, 12.12], ['84', 'Landshut', 48.54, 12.15],
  ['85', 'Ingolstadt', 48.76, 11.42], ['86', 'Augsburg', 48.37, 10.9], ['87', 'Kempten', 47.73, 10.31], ['88', 'Ravensburg', 47.78, 9.61],
  ['89', 'Ulm', 48.4, 9.99], ['90', 'Nürnberg', 49.45, 11.08], ['91', 'Erlangen', 49.6, 11.0], ['92', 'Amberg', 49.44, 11.86],
  ['93', 'Regensburg', 49.01, 12.1], ['94', 'Passau', 48.57, 13.43], ['95', 'Bayreuth', 49.95, 11.58], ['96', 'Bamberg', 49.89, 10.89],
  ['97', 'Würzburg', 49.79, 9.95], ['98', 'Suhl', 50.61, 10.69], ['99', 'Erfurt', 50.98, 11.03],
];

/** Appointment kind defaults (dated) and postcode-region coordinates for the slot search. */
export const schedulingSeed: Seed = {
  key: 'scheduling.reference-data',
  description: `appointment kind settings (${KIND_SETTINGS.length}) and postcode regions (${REGIONS.length})`,
  run: async ({ db }) => {
    await db.insert(appointmentKindSettings).values(
      KIND_SETTINGS.map(([kind, bufferBeforeMinutes, bufferAfterMinutes, reminderLeadMinutes, onSite]) => ({
        id: seedUuid('scheduling', `kind:${kind}:2020-01-01`),
        kind,
        bufferBeforeMinutes,
        bufferAfterMinutes,
        reminderLeadMinutes,
        onSite,
        validFrom: '2020-01-01',
        validTo: null,
        source: SETTINGS_SOURCE,
      })),
    );
    await db.insert(postcodeRegions).values(
      REGIONS.map(([prefix, name, latitude, longitude]) => ({ id: seedUuid('scheduling', `postcode:${prefix}`), prefix, name, latitude, longitude, source: POSTCODE_SOURCE })),
    );
  },
};
