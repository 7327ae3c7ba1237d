import type { LocalizedText } from '@libs/shared';
import type { ProgramResult, RuleVersionRef } from './calculation.types';
import { euro, percent } from './money.rules';

/** A human-readable account of one programme's result in German and English. */
export function explainProgram(ref: RuleVersionRef, result: ProgramResult, notes: { withIsfp?: boolean; excluded?: number; minimum?: number | null; extra?: LocalizedText[] } = {}): LocalizedText {
  const de: string[] = [`${ref.programName.de}, Regelversion ${ref.versionLabel} (gültig ab ${ref.validFrom}; Quelle: ${ref.source}).`];
  const en: string[] = [`${ref.programName.en}, rule version ${ref.versionLabel} (valid from ${ref.validFrom}; source: ${ref.source}).`];
  if (result.capCents !== null) {
    de.push(`Kosten ${euro(result.costsCents)}, Höchstgrenze ${euro(result.capCents)}${notes.withIsfp ? ' (mit iSFP)' : ''} → förderfähig ${euro(result.eligibleCostsCents)}.`);
    en.push(`Costs ${euro(result.costsCents)}, cap ${euro(result.capCents)}${notes.withIsfp ? ' (with iSFP)' : ''} → eligible ${euro(result.eligibleCostsCents)}.`);
  }
  if (result.unitShares.length > 1) {
    const shares = result.unitShares.map((s) => `${s.unit}: ${euro(s.eligibleCents)}${s.ownerOccupied ? '*' : ''}`).join(', ');
    de.push(`Aufteilung auf Wohneinheiten (* selbstgenutzt): ${shares}.`);
    en.push(`Split over units (* owner-occupied): ${shares}.`);
  }
  if (notes.excluded && notes.minimum) {
    de.push(`${notes.excluded} Maßnahme(n) unter der Mindestinvestition von ${euro(notes.minimum)} nicht förderfähig.`);
    en.push(`${notes.excluded} measure(s) below the minimum investment of ${euro(notes.minimum)} not eligible.`);
  }
  for (const c of result.components) {
    const rate = c.rateBp === null ? '' : `${percent(c.rateBp)} × ${euro(c.baseCents)} = `;
    de.push(`${c.label.de}: ${rate}${euro(c.amountCents)}.`);
    en.push(`${c.label.en}: ${rate}${euro(c.amountCents)}.`);
  }
  for (const extra of notes.extra ?? []) {
    de.push(extra.de);
    en.push(extra.en);
  }
  de.push(`Ergebnis: ${euro(result.grantCents)}.`);
  en.push(`Result: ${euro(result.grantCents)}.`);
  return { de: de.join(' '), en: en.join(' ') };
}
