import type { LocalizedText } from '@libs/shared';
import type { FundingRuleBody, UnitCaps } from './rule-body';

/**
 * The seeded programmes and their dated rule versions (facts: domain.md §1, domain-2026.md §2–5).
 * New versions are entered through the admin API (docs/funding.md), never by editing this file:
 * a seed runs once per database, and past versions must stay as they were.
 */
export interface ProgramData {
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  fundingBody: 'bafa' | 'kfw' | 'tax_office';
  links: { label: LocalizedText; url: string }[];
  applicationKind: 'grant' | 'loan' | 'tax' | 'information';
  versions: { label: string; validFrom: string; validTo: string | null; source: string; body: FundingRuleBody }[];
  checklist: { key: string; stage: 'application' | 'proof'; label: LocalizedText; documentTypeKey: string | null }[];
}

const HEATING = ['heat_pump_air', 'heat_pump_ground', 'heat_pump_water', 'biomass', 'solar_thermal', 'district_heating'];
const HEAT_PUMPS = ['heat_pump_air', 'heat_pump_ground', 'heat_pump_water'];
const INSULATION = ['wall_insulation', 'roof_insulation', 'ceiling_insulation', 'floor_insulation'];
const BAFA_KINDS = [...INSULATION, 'windows', 'doors', 'ventilation_heat_recovery', 'hydraulic_balancing'];
const caps = (first: number, second: number, seventh: number, firstUnitSteps?: UnitCaps['firstUnitSteps']): UnitCaps => ({
  firstUnitCents: first * 100,
  units2To6Cents: second * 100,
  unit7PlusCents: seventh * 100,
  ...(firstUnitSteps ? { firstUnitSteps } : {}),
});
const BEG_PLANNING = { rateBp: 5000, maxCostsUpTo2UnitsCents: 500_000, maxCostsPerUnitCents: 200_000, maxCostsTotalCents: 2_000_000 };
const WG_PLANNING = { rateBp: 5000, maxCostsUpTo2UnitsCents: 1_000_000, maxCostsPerUnitCents: 400_000, maxCostsTotalCents: 4_000_000 };
const BEG_2026 = 'BEG EM guideline 17 Jul 2026 (BAnz AT 27.08.2026 B1), retroactive to 21 Jul 2026';

export const FUNDING_PROGRAMS: ProgramData[] = [
  {
    key: 'beg_em_bafa',
    name: { de: 'BEG EM – Gebäudehülle, Anlagentechnik, Heizungsoptimierung (BAFA)', en: 'BEG EM – envelope, plant technology, heating optimisation (BAFA)' },
    description: {
      de: 'Zuschuss für Einzelmaßnahmen an der Gebäudehülle (5.1), Anlagentechnik außer Heizung (5.2) und Heizungsoptimierung (5.4).',
      en: 'Grant for individual measures on the envelope (5.1), plant technology except heating (5.2) and heating optimisation (5.4).',
    },
    fundingBody: 'bafa',
    links: [{ label: { de: 'BAFA Gebäudehülle', en: 'BAFA envelope' }, url: 'https://www.bafa.de/DE/Energie/Effiziente_Gebaeude/Sanierung_Wohngebaeude/Gebaeudehuelle/gebaeudehuelle_node.html' }],
    applicationKind: 'grant',
    versions: [
      {
        label: 'BEG EM 2024',
        validFrom: '2024-01-01',
        validTo: '2026-07-20',
        source: 'domain.md §1.1 (BEG EM rules from 1 Jan 2024; LEA Hessen iSFP page, energieprofi-koeln.de) [secondary]',
        body: {
          kind: 'measure_grant',
          decisiveDate: 'application_receipt',
          measureKinds: BAFA_KINDS,
          baseRateBp: 1500,
          baseRateOverrides: [],
          bonuses: { isfp: { rateBp: 500, maxAgeYears: 15, appliesTo: 'all' } },
          rateCap: { defaultBp: 7000, lowIncome: null },
          costCaps: { withoutIsfp: caps(30_000, 30_000, 30_000), withIsfp: caps(60_000, 60_000, 60_000), buildingMaxCents: 60_000_000 },
          minimumInvestmentGrossCents: 30_000,
          planningGrant: BEG_PLANNING,
          cumulationLimitBp: 6000,
        },
      },
      {
        label: 'BEG EM 2026-07',
        validFrom: '2026-07-21',
        validTo: '2030-12-31',
        source: `${BEG_2026}, Nr. 8.3.1, 8.4.2, 8.4.3, 8.6; BMWE FAQ 2.3; domain-2026.md §3 [secondary]`,
        body: {
          kind: 'measure_grant',
          decisiveDate: 'application_receipt',
          measureKinds: BAFA_KINDS,
          baseRateBp: 1500,
          baseRateOverrides: [],
          bonuses: {
            isfp: { rateBp: 500, maxAgeYears: 15, appliesTo: 'above_cap_without_isfp' },
            // "from Q1 2027": the start day is not published yet (domain-2026.md §9 item 2).
            worstPerformingBuilding: { rateBp: 500, from: null, measureKinds: INSULATION, requiresIsfp: true, minFinalEnergyKwhM2a: 300, certificateClasses: ['h'] },
          },
          rateCap: { defaultBp: 7000, lowIncome: null },
          costCaps: { withoutIsfp: caps(30_000, 15_000, 8_000), withIsfp: caps(60_000, 30_000, 15_000), buildingMaxCents: null },
          minimumInvestmentGrossCents: 30_000,
          planningGrant: BEG_PLANNING,
          cumulationLimitBp: 6000,
        },
      },
    ],
    checklist: [
      { key: 'tpb', stage: 'application', label: { de: 'Technische Projektbeschreibung (TPB) des Energieeffizienz-Experten', en: 'Technical project description (TPB) by the energy-efficiency expert' }, documentTypeKey: 'other' },
      { key: 'contract_with_clause', stage: 'application', label: { de: 'Liefer-/Leistungsvertrag mit Förderklausel', en: 'Works contract with funding clause' }, documentTypeKey: 'quote_pdf' },
      { key: 'isfp', stage: 'application', label: { de: 'iSFP (für den iSFP-Bonus)', en: 'iSFP (for the iSFP bonus)' }, documentTypeKey: 'isfp_report' },
      { key: 'approval', stage: 'proof', label: { de: 'Zuwendungsbescheid', en: 'Grant approval' }, documentTypeKey: 'funding_approval' },
      { key: 'tpn', stage: 'proof', label: { de: 'Technischer Projektnachweis (TPN)', en: 'Technical project proof (TPN)' }, documentTypeKey: 'proof_of_implementation' },
      { key: 'invoices', stage: 'proof', label: { de: 'Rechnungen', en: 'Invoices' }, documentTypeKey: 'invoice_pdf' },
    ],
  },
  {
    key: 'kfw_458',
    name: { de: 'KfW 458 – Heizungsförderung für Privatpersonen', en: 'KfW 458 – heating grant for private owners' },
    description: { de: 'Zuschuss für klimafreundliche Heizungen in bestehenden Wohngebäuden (BEG EM Nr. 5.3).', en: 'Grant for climate-friendly heating in existing residential buildings (BEG EM no. 5.3).' },
    fundingBody: 'kfw',
    links: [{ label: { de: 'KfW 458', en: 'KfW 458' }, url: 'https://www.kfw.de/458' }],
    applicationKind: 'grant',
    versions: [
      {
        label: 'KfW 458 2024',
        validFrom: '2024-02-27',
        validTo: '2026-07-20',
        source: 'domain.md §1.2 (KfW product page 458, bundestag.de hib 970982, shk-hessen.de) [secondary]',
        body: {
          kind: 'measure_grant',
          decisiveDate: 'application_receipt',
          measureKinds: HEATING,
          baseRateBp: 3000,
          baseRateOverrides: [],
          bonuses: {
            climateSpeed: { steps: [{ from: '2024-02-27', rateBp: 2000 }], replacedHeatingAnyAge: ['oil_boiler', 'coal_stove', 'gas_floor_heating', 'night_storage'], replacedHeatingMinAge: ['gas_boiler', 'biomass_boiler'], minAgeYears: 20 },
            income: { steps: [{ maxIncomeCents: 4_000_000, rateBp: 3000 }], familySupplement: null },
            efficiency: { rateBp: 500, from: '2024-02-27', measureKinds: ['heat_pump_ground', 'heat_pump_water'] },
            biomassSupplement: { cents: 250_000, measureKinds: ['biomass'] },
          },
          rateCap: { defaultBp: 7000, lowIncome: null },
          costCaps: { withoutIsfp: caps(30_000, 15_000, 8_000), withIsfp: null, buildingMaxCents: null },
          minimumInvestmentGrossCents: null,
          planningGrant: null,
          cumulationLimitBp: 6000,
        },
      },
      {
        label: 'KfW 458 2026-07',
        validFrom: '2026-07-21',
        validTo: '2030-12-31',
        source: `${BEG_2026}, Nr. 8.3.1 a, 8.4.1, 8.4.4–8.4.6, 8.6, 9.2.1; KfW Merkblatt 458 (09/2026); domain-2026.md §2 [secondary]`,
        body: {
          kind: 'measure_grant',
          decisiveDate: 'application_receipt',
          measureKinds: HEATING,
          baseRateBp: 3000,
          // Heat pumps 15 % and the EU-origin bonus "from Q1 2027": start day not published (domain-2026.md §9 item 2).
          baseRateOverrides: [{ rateBp: 1500, from: null, measureKinds: HEAT_PUMPS }],
          bonuses: {
            climateSpeed: {
              steps: [
                { from: '2026-07-21', rateBp: 1600 },
                { from: '2027-02-01', rateBp: 1200 },
                { from: '2027-08-01', rateBp: 800 },
                { from: '2028-02-01', rateBp: 400 },
                { from: '2028-08-01', rateBp: 0 },
              ],
              replacedHeatingAnyAge: ['oil_boiler', 'coal_stove', 'gas_floor_heating', 'night_storage'],
              replacedHeatingMinAge: ['gas_boiler', 'biomass_boiler'],
              minAgeYears: 20,
            },
            income: {
              steps: [
                { maxIncomeCents: 3_000_000, rateBp: 4000 },
                { maxIncomeCents: 4_000_000, rateBp: 3000 },
                { maxIncomeCents: 5_000_000, rateBp: 1000 },
              ],
              familySupplement: { reductionCents: 1_000_000, perChild: false },
            },
            euOriginHeatPump: { rateBp: 1500, from: null, measureKinds: HEAT_PUMPS },
          },
          rateCap: { defaultBp: 7000, lowIncome: { maxAdjustedIncomeCents: 3_000_000, rateBp: 8000 } },
          costCaps: {
            withoutIsfp: caps(28_000, 15_000, 8_000, [
              { from: '2027-02-01', cents: 2_725_000 },
              { from: '2027-08-01', cents: 2_650_000 },
              { from: '2028-02-01', cents: 2_575_000 },
              { from: '2028-08-01', cents: 2_500_000 },
              { from: '2029-02-01', cents: 2_425_000 },
              { from: '2029-08-01', cents: 2_350_000 },
              { from: '2030-02-01', cents: 2_275_000 },
              { from: '2030-08-01', cents: 2_200_000 },
            ]),
            withIsfp: null,
            buildingMaxCents: null,
          },
          minimumInvestmentGrossCents: null,
          planningGrant: null,
          cumulationLimitBp: 6000,
        },
      },
    ],
    checklist: [
      { key: 'bza', stage: 'application', label: { de: 'Bestätigung zum Antrag (BzA)', en: 'Confirmation for the application (BzA)' }, documentTypeKey: 'other' },
      { key: 'contract_with_clause', stage: 'application', label: { de: 'Liefer-/Leistungsvertrag mit Förderklausel', en: 'Works contract with funding clause' }, documentTypeKey: 'quote_pdf' },
      { key: 'income_tax_assessments', stage: 'application', label: { de: 'Einkommensteuerbescheide (2./3. Jahr vor Antrag, für den Einkommensbonus)', en: 'Income tax assessments (2nd/3rd year before application, for the income bonus)' }, documentTypeKey: 'other' },
      { key: 'approval', stage: 'proof', label: { de: 'Zusage', en: 'Approval' }, documentTypeKey: 'funding_approval' },
      { key: 'bnd', stage: 'proof', label: { de: 'Bestätigung nach Durchführung (BnD)', en: 'Confirmation after implementation (BnD)' }, documentTypeKey: 'proof_of_implementation' },
      { key: 'invoices', stage: 'proof', label: { de: 'Rechnungen', en: 'Invoices' }, documentTypeKey: 'invoice_pdf' },
    ],
  },
  {
    key: 'kfw_261',
    name: { de: 'KfW 261 – Wohngebäude Kredit (Effizienzhaus)', en: 'KfW 261 – residential building loan (efficiency house)' },
    description: { de: 'Kredit mit Tilgungszuschuss für die Sanierung zum Effizienzhaus (BEG WG).', en: 'Loan with repayment grant for a renovation to an efficiency house (BEG WG).' },
    fundingBody: 'kfw',
    links: [{ label: { de: 'KfW 261', en: 'KfW 261' }, url: 'https://www.kfw.de/261' }],
    applicationKind: 'loan',
    versions: [
      {
        label: 'BEG WG 2024',
        validFrom: '2024-01-01',
        validTo: '2026-07-20',
        source: 'domain.md §1.3 (energieheld.de, energieberatung360.com, finanztip.de) [secondary]',
        body: {
          kind: 'efficiency_house',
          decisiveDate: 'loan_application',
          classRates: [
            { efficiencyClass: 'eh40', renewableClass: false, rateBp: 2000 },
            { efficiencyClass: 'eh40', renewableClass: true, rateBp: 2500 },
            { efficiencyClass: 'eh55', renewableClass: false, rateBp: 1500 },
            { efficiencyClass: 'eh55', renewableClass: true, rateBp: 2000 },
            { efficiencyClass: 'eh70', renewableClass: false, rateBp: 1000 },
            { efficiencyClass: 'eh70', renewableClass: true, rateBp: 1500 },
            { efficiencyClass: 'eh85', renewableClass: false, rateBp: 500 },
            { efficiencyClass: 'eh85', renewableClass: true, rateBp: 1000 },
            { efficiencyClass: 'denkmal', renewableClass: false, rateBp: 500 },
            { efficiencyClass: 'denkmal', renewableClass: true, rateBp: 1000 },
          ],
          loanMaxPerUnitCents: { standard: 12_000_000, renewableClass: 15_000_000 },
          worstPerformingBuilding: { rateBp: 1000, classes: ['eh40', 'eh55', 'eh70'] },
          serialRenovation: [
            { efficiencyClass: 'eh40', rateBp: 1500 },
            { efficiencyClass: 'eh55', rateBp: 1500 },
          ],
          sustainabilityClassBp: null,
          combinedWpbSerialCapBp: 2000,
          planningGrant: WG_PLANNING,
        },
      },
      {
        label: 'BEG WG 2026-07',
        validFrom: '2026-07-21',
        validTo: '2030-12-31',
        source: 'BEG WG guideline 17 Jul 2026; https://www.kfw.de/261; domain-2026.md §4 [secondary, three consistent third-party sources]',
        body: {
          kind: 'efficiency_house',
          decisiveDate: 'loan_application',
          classRates: [
            { efficiencyClass: 'eh40', renewableClass: true, rateBp: 1000 },
            { efficiencyClass: 'eh55', renewableClass: true, rateBp: 500 },
            { efficiencyClass: 'eh70', renewableClass: true, rateBp: 0 },
            { efficiencyClass: 'eh85', renewableClass: true, rateBp: 0 },
            { efficiencyClass: 'denkmal', renewableClass: true, rateBp: 500 },
          ],
          loanMaxPerUnitCents: { standard: null, renewableClass: 15_000_000 },
          worstPerformingBuilding: { rateBp: 1000, classes: ['eh40', 'eh55', 'eh70'] },
          serialRenovation: [
            { efficiencyClass: 'eh40', rateBp: 1500 },
            { efficiencyClass: 'eh55', rateBp: 1500 },
            { efficiencyClass: 'eh70', rateBp: 500 },
          ],
          sustainabilityClassBp: 500,
          // Whether the old 20-pp cap on WPB + serial renovation was lifted is unverified (domain-2026.md §4).
          combinedWpbSerialCapBp: null,
          planningGrant: WG_PLANNING,
        },
      },
    ],
    checklist: [
      { key: 'bza_efficiency_house', stage: 'application', label: { de: 'Bestätigung zum Antrag (BzA) des Energieeffizienz-Experten', en: 'Confirmation for the application (BzA) by the energy-efficiency expert' }, documentTypeKey: 'other' },
      { key: 'approval', stage: 'proof', label: { de: 'Kreditzusage', en: 'Loan approval' }, documentTypeKey: 'funding_approval' },
      { key: 'bnd', stage: 'proof', label: { de: 'Bestätigung nach Durchführung (BnD)', en: 'Confirmation after implementation (BnD)' }, documentTypeKey: 'proof_of_implementation' },
    ],
  },
  {
    key: 'kfw_358_359',
    name: { de: 'KfW 358/359 – Ergänzungskredit', en: 'KfW 358/359 – supplementary loan' },
    description: { de: 'Kredit zusätzlich zu einem BAFA/KfW-Zuschuss (nur zur Information).', en: 'Loan on top of a BAFA/KfW grant (information only).' },
    fundingBody: 'kfw',
    links: [{ label: { de: 'KfW 358', en: 'KfW 358' }, url: 'https://www.kfw.de/358' }],
    applicationKind: 'information',
    versions: [
      {
        label: 'Ergänzungskredit 2024',
        validFrom: '2024-01-01',
        validTo: '2030-12-31',
        source: 'domain.md §1.3 (biallo.de KfW 358) [secondary]',
        body: { kind: 'information', decisiveDate: 'loan_application', loanMaxPerUnitCents: 12_000_000, interestReductionMaxIncomeCents: 9_000_000 },
      },
    ],
    checklist: [],
  },
  {
    key: 'ebw',
    name: { de: 'EBW – Energieberatung für Wohngebäude (BAFA)', en: 'EBW – energy consultation for residential buildings (BAFA)' },
    description: { de: 'Zuschuss zum Honorar der Energieberatung mit iSFP.', en: 'Grant towards the fee of an energy consultation with iSFP.' },
    fundingBody: 'bafa',
    links: [{ label: { de: 'BAFA Energieberatung', en: 'BAFA energy consultation' }, url: 'https://www.bafa.de/DE/Energie/Energieberatung/Energieberatung_Wohngebaeude/energieberatung_wohngebaeude_node.html' }],
    applicationKind: 'grant',
    versions: [
      {
        label: 'EBW 2023-07',
        validFrom: '2023-07-01',
        validTo: '2024-08-06',
        // The WEG supplement of this version is not in the sources at hand: not seeded (null).
        source: 'domain.md §1.4 (planungsbuero-entech.de: 80 %, €1,300/€1,700 before 7 Aug 2024) [verified]',
        body: { kind: 'consultation', decisiveDate: 'application_receipt', rateBp: 8000, maxUpTo2UnitsCents: 130_000, maxFrom3UnitsCents: 170_000, wegPresentationCents: null },
      },
      {
        label: 'EBW 2024-08',
        validFrom: '2024-08-07',
        // Guideline ends 31 Dec 2026; no successor found (domain-2026.md §5): later dates answer 422.
        validTo: '2026-12-31',
        source: 'EBW guideline (valid 1 Jul 2023 – 31 Dec 2026), kedi-dena.de, kea-bw.de; domain-2026.md §5 [secondary]',
        body: { kind: 'consultation', decisiveDate: 'application_receipt', rateBp: 5000, maxUpTo2UnitsCents: 65_000, maxFrom3UnitsCents: 85_000, wegPresentationCents: 25_000 },
      },
    ],
    checklist: [
      { key: 'consultation_contract', stage: 'application', label: { de: 'Beratungsvertrag', en: 'Consultation contract' }, documentTypeKey: 'other' },
      { key: 'isfp_report', stage: 'proof', label: { de: 'iSFP-Bericht', en: 'iSFP report' }, documentTypeKey: 'isfp_report' },
      { key: 'consultant_invoice', stage: 'proof', label: { de: 'Rechnung der Energieberatung', en: 'Consultant invoice' }, documentTypeKey: 'invoice_pdf' },
    ],
  },
  {
    key: 'estg_35c',
    name: { de: '§35c EStG – Steuerermäßigung für energetische Maßnahmen', en: '§35c EStG – tax reduction for energy measures' },
    description: {
      de: 'Steuerermäßigung für selbstgenutztes Wohneigentum als Alternative zur BEG-Förderung (Vergleichsweg).',
      en: 'Tax reduction for owner-occupied homes as an alternative to BEG funding (comparison route).',
    },
    fundingBody: 'tax_office',
    links: [{ label: { de: '§35c EStG', en: '§35c EStG' }, url: 'https://www.gesetze-im-internet.de/estg/__35c.html' }],
    applicationKind: 'tax',
    versions: [
      {
        label: '§35c EStG 2020',
        validFrom: '2020-01-01',
        validTo: '2029-12-31',
        source: '§35c EStG (measures begun after 31 Dec 2019, completed before 1 Jan 2030) and ESanMV; numbers not covered by domain.md — re-check before production',
        body: {
          kind: 'tax_reduction',
          decisiveDate: 'measure_completion',
          measureKinds: [...BAFA_KINDS, ...HEATING],
          rateBp: 2000,
          maxReductionCents: 4_000_000,
          yearSharesBp: [3500, 3500, 3000],
          minBuildingAgeYears: 10,
          consultationRateBp: 5000,
        },
      },
    ],
    checklist: [{ key: 'tax_certificate', stage: 'proof', label: { de: 'Bescheinigung des Fachunternehmens (amtliches Muster)', en: 'Contractor certificate (official form)' }, documentTypeKey: 'other' }],
  },
];
