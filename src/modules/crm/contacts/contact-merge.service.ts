import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { currentScope, Scope } from '@libs/auth';
import { fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { ActivitiesService } from '../activities/activities.service';
import { CrmErrors } from '../crm.errors';
import { CRM_EVENTS } from '../crm.events';
import { LeadsService } from '../leads/leads.service';
import { MergeContactDto, MergeContactResponseDto } from './contact.dto';
import { CONTACT_AUDITED_FIELDS, CONTACT_MERGE_FILLABLE, ContactChanges, contactSearchText, toContactResponse } from './contact.mapper';
import type { Contact } from './contacts.schema';
import { ContactsService } from './contacts.service';

/**
 * Merges a duplicate contact into a survivor, in one transaction: the survivor's empty fields are
 * filled from the duplicate (marketing consent is never copied: it belongs to how each record was
 * obtained), activities and converted leads move to the survivor (through their services, each
 * move an event), the duplicate is soft-deleted with `mergedIntoId`, so the audit log keeps the
 * whole history.
 */
@Injectable()
export class ContactMergeService {
  constructor(
    private readonly contacts: ContactsService,
    @Inject(forwardRef(() => ActivitiesService)) private readonly activities: ActivitiesService,
    private readonly leads: LeadsService,
  ) {}

  async merge(survivorId: string, version: number | undefined, dto: MergeContactDto): Promise<MergeContactResponseDto> {
    const scope = currentScope('crm.contacts:merge');
    const steps = this.contacts.steps;
    if (survivorId === dto.duplicateId.toLowerCase()) throw CrmErrors.mergeIntoSelf();
    return steps.transaction(async () => {
      const { survivor, duplicate } = await this.lockBoth(survivorId, dto.duplicateId.toLowerCase(), scope);
      if (version !== undefined && survivor.version !== version) throw staleResource();

      const filled = fillEmpty(survivor, duplicate);
      filled.searchText = contactSearchText({ ...survivor, ...filled } as Contact);
      const merged = await this.contacts.repository.update(survivor.id, survivor.version, filled, scope);
      if (!merged) throw staleResource();
      const movedActivities = await this.activities.reassignContact(duplicate.id, survivor.id);
      const movedLeads = await this.leads.reassignConvertedContact(duplicate.id, survivor.id);
      await this.contacts.repository.repointMerged(duplicate.id, survivor.id);
      const removed = await this.contacts.repository.setDeleted(duplicate.id, true, duplicate.version, scope, { mergedIntoId: survivor.id });
      if (!removed) throw staleResource();

      await steps.publish(
        CRM_EVENTS.contact.merged(survivor.id, {
          duplicateId: duplicate.id,
          duplicate: Object.fromEntries(CONTACT_AUDITED_FIELDS.map((field) => [field, duplicate[field]])),
          movedActivities,
          movedLeads,
          changes: fieldChanges(survivor, merged, CONTACT_AUDITED_FIELDS),
        }),
        CRM_EVENTS.contact.deleted(duplicate.id, { changes: fieldChanges(duplicate, removed, ['deletedAt', 'mergedIntoId']), mergedIntoId: survivor.id }),
      );
      return { ...toContactResponse(merged), movedActivities, movedLeads };
    });
  }

  /** Both contacts, locked in id order (two crossing merges cannot deadlock); 404 for either. */
  private async lockBoth(survivorId: string, duplicateId: string, scope: Scope) {
    const found = new Map<string, Contact>();
    for (const id of [survivorId, duplicateId].sort()) found.set(id, await this.contacts.steps.find(id, scope, { forUpdate: true }));
    return { survivor: found.get(survivorId) as Contact, duplicate: found.get(duplicateId) as Contact };
  }
}

/** The survivor's empty fillable fields, taken from the duplicate. */
export function fillEmpty(survivor: Contact, duplicate: Contact): ContactChanges {
  const changes: Record<string, unknown> = {};
  for (const field of CONTACT_MERGE_FILLABLE) {
    if ((survivor[field] === null || survivor[field] === '') && duplicate[field] !== null) changes[field] = duplicate[field];
  }
  return changes as ContactChanges;
}
