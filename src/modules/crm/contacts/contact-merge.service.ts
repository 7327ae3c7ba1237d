import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { ActivitiesRepository } from '../activities/activities.repository';
import { CrmErrors } from '../crm.errors';
import { CRM_AGGREGATES, CRM_EVENTS, crmEvent } from '../crm.events';
import { LeadsRepository } from '../leads/leads.repository';
import { MergeContactDto, MergeContactResponseDto } from './contact.dto';
import { CONTACT_AUDITED_FIELDS, CONTACT_MERGE_FILLABLE, ContactChanges, contactSearchText, contactSnapshot, toContactResponse } from './contact.mapper';
import { ContactsRepository } from './contacts.repository';
import type { Contact } from './contacts.schema';

/**
 * Merges a duplicate contact into a survivor, in one transaction: the survivor's empty fields are
 * filled from the duplicate (marketing consent is never copied: it belongs to how each record was
 * obtained), activities and converted leads move to the survivor, the duplicate is soft-deleted
 * with `mergedIntoId`, and every change is an event, so the audit log keeps the whole history.
 */
@Injectable()
export class ContactMergeService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly contacts: ContactsRepository,
    private readonly activities: ActivitiesRepository,
    private readonly leads: LeadsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async merge(survivorId: string, version: number | undefined, dto: MergeContactDto): Promise<MergeContactResponseDto> {
    const scope = currentScope('crm.contacts:merge');
    if (survivorId === dto.duplicateId.toLowerCase()) throw CrmErrors.mergeIntoSelf();
    return this.txHost.withTransaction(async () => {
      const { survivor, duplicate } = await this.lockBoth(survivorId, dto.duplicateId.toLowerCase(), scope);
      if (version !== undefined && survivor.version !== version) throw staleResource();

      const filled = fillEmpty(survivor, duplicate);
      filled.searchText = contactSearchText({ ...survivor, ...filled });
      const merged = await this.contacts.update(survivor.id, survivor.version, filled, scope);
      if (!merged) throw staleResource();

      const movedActivities = await this.activities.reassignContact(duplicate.id, survivor.id);
      const movedLeads = await this.leads.reassignConvertedContact(duplicate.id, survivor.id);
      await this.contacts.repointMerged(duplicate.id, survivor.id);
      const removed = await this.contacts.setDeleted(duplicate.id, true, duplicate.version, scope, survivor.id);
      if (!removed) throw staleResource();

      const moved = { contactId: { before: duplicate.id, after: survivor.id } };
      await this.outbox.append(
        crmEvent(CRM_EVENTS.contactMerged, CRM_AGGREGATES.contact, survivor.id, {
          duplicateId: duplicate.id,
          duplicate: contactSnapshot(duplicate),
          movedActivities: movedActivities.length,
          movedLeads: movedLeads.length,
          changes: fieldChanges(survivor, merged, CONTACT_AUDITED_FIELDS),
        }),
        crmEvent(CRM_EVENTS.contactDeleted, CRM_AGGREGATES.contact, duplicate.id, {
          changes: fieldChanges(duplicate, removed, ['deletedAt', 'mergedIntoId']),
          mergedIntoId: survivor.id,
        }),
        ...movedActivities.map(({ id }) => crmEvent(CRM_EVENTS.activityUpdated, CRM_AGGREGATES.activity, id, { changes: moved })),
        ...movedLeads.map(({ id }) =>
          crmEvent(CRM_EVENTS.leadUpdated, CRM_AGGREGATES.lead, id, { changes: { convertedContactId: moved.contactId } }),
        ),
      );
      return { ...toContactResponse(merged), movedActivities: movedActivities.length, movedLeads: movedLeads.length };
    });
  }

  /** Both contacts, locked in id order (two crossing merges cannot deadlock); 404 for either. */
  private async lockBoth(survivorId: string, duplicateId: string, scope: ReturnType<typeof currentScope>) {
    const found = new Map<string, Contact>();
    for (const id of [survivorId, duplicateId].sort()) {
      const contact = await this.contacts.findById(id, scope, { forUpdate: true });
      if (!contact) throw CrmErrors.notFound('contact', id);
      found.set(id, contact);
    }
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
