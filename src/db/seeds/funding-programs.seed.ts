import { FUNDING_PROGRAMS } from '../../modules/funding/programs/funding-programs.data';
import { fundingChecklistItems, fundingPrograms, fundingRuleVersions } from '../schema';
import { Seed, seedUuid } from './seed-utils';

/** The funding programmes, their dated rule versions (domain.md §1, domain-2026.md) and document checklists. */
export const fundingProgramsSeed: Seed = {
  key: 'funding.programs',
  description: 'Funding programmes (BEG EM BAFA, KfW 458, KfW 261, KfW 358/359, EBW, §35c EStG) with dated rule versions and checklists',
  run: async ({ db }) => {
    for (const program of FUNDING_PROGRAMS) {
      const programId = seedUuid('fundingPrograms', program.key);
      await db.insert(fundingPrograms).values({
        id: programId,
        key: program.key,
        name: program.name,
        description: program.description,
        fundingBody: program.fundingBody,
        applicationKind: program.applicationKind,
        links: program.links,
      });
      if (program.versions.length > 0) {
        await db.insert(fundingRuleVersions).values(
          program.versions.map((v) => ({
            id: seedUuid('fundingPrograms', `${program.key}:rule:${v.validFrom}`),
            programId,
            versionLabel: v.label,
            validFrom: v.validFrom,
            validTo: v.validTo,
            source: v.source,
            body: v.body,
          })),
        );
      }
      if (program.checklist.length > 0) {
        await db.insert(fundingChecklistItems).values(
          program.checklist.map((item, position) => ({
            id: seedUuid('fundingPrograms', `${program.key}:checklist:${item.key}`),
            programId,
            key: item.key,
            stage: item.stage,
            label: item.label,
            documentTypeKey: item.documentTypeKey,
            position,
          })),
        );
      }
    }
  },
};
