import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentGrant, currentScope, Scope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox, fieldChanges } from '@libs/events';
import { staleResource } from '@libs/http';
import { keysetBatches, keysetPage, keysetQuery, Page } from '@libs/pagination';
import { CrmErrors } from '../crm.errors';
import { CRM_AGGREGATES, CRM_EVENTS, crmEvent, deletionChanges } from '../crm.events';
import { duplicateKeys } from '../shared/contact-data.rules';
import { assertDepartmentInScope, defaultDepartment } from '../shared/crm-scope';
import { DuplicatesRepository } from '../shared/duplicates.repository';
import { ExportContactsQueryDto, ContactResponseDto, CreateContactDto, ListContactsQueryDto, UpdateContactDto } from './contact.dto';
import { consentColumns, CONTACT_AUDITED_FIELDS, contactColumns, contactSearchText, contactSnapshot, toContactResponse } from './contact.mapper';
import { CONTACT_SORT_SPEC, ContactsRepository } from './contacts.repository';
import type { Contact, NewContact } from './contacts.schema';

/** Contact CRUD. Merging: ContactMergeService. */
@Injectable()
export class ContactsService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly contacts: ContactsRepository,
    private readonly duplicates: DuplicatesRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async list(query: ListContactsQueryDto): Promise<Page<ContactResponseDto>> {
    const scope = currentScope('crm.contacts:read');
    if (query.deleted !== 'exclude') currentScope('crm.contacts:delete');
    const keyset = keysetQuery(CONTACT_SORT_SPEC, query);
    return keysetPage(await this.contacts.list(query, scope, keyset), keyset, toContactResponse);
  }

  /**
   * Every contacts matching the list's filters, in its sort order, fetched in keyset batches as the CSV
   * stream is read. The scope is taken now, while the request's context is certain.
   */
  export(query: ExportContactsQueryDto): AsyncIterable<Contact> {
    const scope = currentScope('crm.contacts:read');
    if (query.deleted !== 'exclude') currentScope('crm.contacts:delete');
    return keysetBatches(CONTACT_SORT_SPEC, query.sort, (keyset) => this.contacts.list(query, scope, keyset));
  }

  async get(id: string): Promise<ContactResponseDto> {
    const contact = await this.contacts.findById(id, currentScope('crm.contacts:read'), { deleted: currentGrant('crm.contacts:delete') !== undefined });
    if (!contact) throw CrmErrors.notFound('contact', id);
    return toContactResponse(contact);
  }

  async create(dto: CreateContactDto): Promise<ContactResponseDto> {
    const scope = currentScope('crm.contacts:create');
    return this.txHost.withTransaction(async () => toContactResponse(await this.insert(dto, scope)));
  }

  /**
   * Checks for duplicates (unless allowed), inserts and announces a contact. Also used by lead
   * conversion, inside its transaction.
   */
  async insert(dto: CreateContactDto, scope: Scope, origin: { fromLeadId?: string } = {}): Promise<Contact> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(scope, departmentId);
    const values: NewContact = {
      ...contactColumns(dto),
      ...consentColumns(undefined, dto, new Date()),
      lastName: dto.lastName,
      departmentId,
      ownerId: dto.ownerId === undefined ? currentActorId() : dto.ownerId,
    };
    values.searchText = contactSearchText(values);
    const keys = duplicateKeys(values);
    await this.duplicates.lock(keys);
    const candidates = await this.duplicates.find(keys, { leadId: origin.fromLeadId });
    if (candidates.length > 0 && !dto.allowDuplicates) throw CrmErrors.duplicates('contact', candidates);
    const contact = await this.contacts.insert(values);
    await this.outbox.append(
      crmEvent(CRM_EVENTS.contactCreated, CRM_AGGREGATES.contact, contact.id, {
        snapshot: contactSnapshot(contact),
        ...(candidates.length > 0 && { duplicatesAllowed: candidates.map((c) => c.id) }),
        ...origin,
      }),
    );
    return contact;
  }

  async update(id: string, version: number, dto: UpdateContactDto): Promise<ContactResponseDto> {
    const scope = currentScope('crm.contacts:update');
    assertDepartmentInScope(scope, dto.departmentId);
    return this.txHost.withTransaction(async () => {
      const current = await this.current(id, version, scope);
      const changes = { ...contactColumns(dto), ...consentColumns(current, dto, new Date()) };
      changes.searchText = contactSearchText({ ...current, ...changes });
      const updated = await this.contacts.update(id, version, changes, scope);
      if (!updated) throw staleResource();
      const diff = fieldChanges(current, updated, CONTACT_AUDITED_FIELDS);
      if (Object.keys(diff).length > 0) await this.outbox.append(crmEvent(CRM_EVENTS.contactUpdated, CRM_AGGREGATES.contact, id, { changes: diff }));
      return toContactResponse(updated);
    });
  }

  async remove(id: string, version: number): Promise<void> {
    const scope = currentScope('crm.contacts:delete');
    await this.txHost.withTransaction(async () => {
      await this.current(id, version, scope);
      const deleted = await this.contacts.setDeleted(id, true, version, scope);
      if (!deleted) throw staleResource();
      await this.outbox.append(crmEvent(CRM_EVENTS.contactDeleted, CRM_AGGREGATES.contact, id, deletionChanges(null, deleted.deletedAt)));
    });
  }

  async restore(id: string, version: number | undefined): Promise<ContactResponseDto> {
    const scope = currentScope('crm.contacts:delete');
    return this.txHost.withTransaction(async () => {
      const current = await this.contacts.findById(id, scope, { deleted: true });
      if (!current) throw CrmErrors.notFound('contact', id);
      if (current.mergedIntoId) throw CrmErrors.contactMerged(id, current.mergedIntoId);
      if (!current.deletedAt) throw CrmErrors.notDeleted('contact', id);
      if (version !== undefined && current.version !== version) throw staleResource();
      const restored = await this.contacts.setDeleted(id, false, current.version, scope);
      if (!restored) throw staleResource();
      await this.outbox.append(crmEvent(CRM_EVENTS.contactRestored, CRM_AGGREGATES.contact, id, deletionChanges(current.deletedAt, null)));
      return toContactResponse(restored);
    });
  }

  private async current(id: string, version: number, scope: Scope): Promise<Contact> {
    const contact = await this.contacts.findById(id, scope);
    if (!contact) throw CrmErrors.notFound('contact', id);
    if (contact.version !== version) throw staleResource();
    return contact;
  }
}
