import { Injectable } from '@nestjs/common';
import { currentGrant } from '@libs/auth';
import { CrmErrors } from '../crm.errors';
import { duplicateKeys } from './contact-data.rules';
import { DuplicatesRepository, DuplicateScopes } from './duplicates.repository';

/** What a created event records when the creator chose to create despite candidates. */
export interface DuplicatesAllowed {
  duplicatesAllowed?: string[];
  otherDuplicates?: number;
}

/**
 * The duplicate rule of leads and contacts: inside the create's transaction, lock the new record's
 * e-mail and phones (concurrent creates with the same key serialise), look for live leads and
 * contacts sharing them, and refuse with a 409 unless the request allows duplicates. Candidates
 * are named only within the actor's read scopes; the others are counted.
 */
@Injectable()
export class DuplicateCheck {
  constructor(private readonly duplicates: DuplicatesRepository) {}

  async check(
    resource: 'lead' | 'contact',
    values: { email?: string | null; phone?: string | null; mobile?: string | null },
    allowDuplicates: boolean | undefined,
    exclude: { leadId?: string; contactId?: string } = {},
  ): Promise<DuplicatesAllowed> {
    const keys = duplicateKeys(values);
    await this.duplicates.lock(keys);
    const matches = await this.duplicates.find(keys, actorDuplicateScopes(), exclude);
    if (matches.visible.length + matches.hidden === 0) return {};
    if (!allowDuplicates) throw CrmErrors.duplicates(resource, matches);
    return { duplicatesAllowed: matches.visible.map((c) => c.id), ...(matches.hidden > 0 && { otherDuplicates: matches.hidden }) };
  }
}

/** The actor's read scopes on leads and contacts: which duplicate candidates they may be shown. */
export function actorDuplicateScopes(): DuplicateScopes {
  return { lead: currentGrant('crm.leads:read'), contact: currentGrant('crm.contacts:read') };
}
