import { surfaceResistances, uValueMethods } from '../schema';
import { Seed, seedUuid } from './seed-utils';

const EDITION = 'DIN EN ISO 6946:2018-03';
const TABLE_SOURCE = `${EDITION} (ISO 6946:2017), Wärmeübergangswiderstände: R_si 0,10 aufwärts / 0,13 horizontal / 0,17 abwärts, R_se 0,04 gegen Außenluft`;
const PRACTICE_SOURCE =
  'Randbedingungen nach DIN 4108-Praxis, wiedergegeben in https://www.energie-fachberater.de (Expertenrat „Wärmeverlust Keller“, 2023) und http://www.100gon.de/?p=222';

type Flow = 'upwards' | 'horizontal' | 'downwards';
const RSI: Record<Flow, number> = { upwards: 0.1, horizontal: 0.13, downwards: 0.17 };

/**
 * The U-value method the survey computes with: DIN EN ISO 6946 (German edition 2018-03) — its
 * surface resistances by heat-flow direction and boundary, and the presentation of U to two
 * significant figures. Towards the ground R_se = 0 (the standard leaves ground contact to
 * ISO 13370; German practice adds no external resistance), towards unheated spaces R_se = R_si.
 */
export const uValueMethodsSeed: Seed = {
  key: 'projects.u-value-methods',
  description: `U-value method ${EDITION} with its surface resistances`,
  run: async ({ db }) => {
    const methodId = seedUuid('uValueMethods', `din_en_iso_6946:${EDITION}`);
    await db.insert(uValueMethods).values({
      id: methodId,
      key: 'din_en_iso_6946',
      edition: EDITION,
      significantFigures: 2,
      validFrom: '2018-03-01',
      validTo: null,
      source:
        `${EDITION}; the final U-value is stated to two significant figures (rounding rule of the standard as commonly quoted; ` +
        'not checked against the standard text, which was not available — verify before relying on it for a certificate)',
    });
    const flows: Flow[] = ['upwards', 'horizontal', 'downwards'];
    await db.insert(surfaceResistances).values(
      flows.flatMap((heatFlow) => [
        { id: seedUuid('uValueMethods', `${EDITION}:${heatFlow}:outside_air`), methodId, heatFlow, boundary: 'outside_air' as const, rsi: RSI[heatFlow], rse: 0.04, source: TABLE_SOURCE },
        { id: seedUuid('uValueMethods', `${EDITION}:${heatFlow}:ground`), methodId, heatFlow, boundary: 'ground' as const, rsi: RSI[heatFlow], rse: 0, source: `R_se = 0 gegen Erdreich; ${PRACTICE_SOURCE}` },
        {
          id: seedUuid('uValueMethods', `${EDITION}:${heatFlow}:unheated_space`),
          methodId,
          heatFlow,
          boundary: 'unheated_space' as const,
          rsi: RSI[heatFlow],
          rse: RSI[heatFlow],
          source: `R_se = R_si gegen unbeheizte Räume; ${PRACTICE_SOURCE}`,
        },
      ]),
    );
  },
};
