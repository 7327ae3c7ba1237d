import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { assertDepartmentInScope, currentScope, defaultDepartment, Scope } from '@libs/auth';
import { currentActorId } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { ResourceDefinition, ResourceService, resourcePermissions } from '@libs/resource';
import { CrmErrors } from '../crm.errors';
import { CRM_EVENTS } from '../crm.events';
import { DuplicateCheck } from '../shared/duplicate-check.service';
import { ContactResponseDto, CreateContactDto, UpdateContactDto } from './contact.dto';
import { CONTACT_AUDITED_FIELDS, contactColumns, toContactResponse } from './contact.mapper';
import { ContactFilters, ContactsRepository } from './contacts.repository';
import type { Contact, contacts } from './contacts.schema';

const CONTACT: ResourceDefinition<Contact> = {
  name: 'contact',
  code: 'CRM_CONTACT',
  permissions: resourcePermissions('crm.contacts'),
  events: CRM_EVENTS.contact,
  auditedFields: CONTACT_AUDITED_FIELDS,
};

/** Contact CRUD. Merging: ContactMergeService. */
@Injectable()
export class ContactsService extends ResourceService<typeof contacts, ContactFilters, ContactResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    readonly repository: ContactsRepository,
    private readonly duplicates: DuplicateCheck,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, CONTACT, toContactResponse);
  }

  async create(dto: CreateContactDto): Promise<ContactResponseDto> {
    const scope = currentScope('crm.contacts:create');
    return toContactResponse(await this.steps.transaction(() => this.insert(dto, scope)));
  }

  /**
   * Checks for duplicates (unless allowed), inserts and announces a contact. Also used by lead
   * conversion, inside its transaction.
   */
  async insert(dto: CreateContactDto, scope: Scope, origin: { fromLeadId?: string } = {}): Promise<Contact> {
    const departmentId = defaultDepartment(dto.departmentId);
    assertDepartmentInScope(scope, departmentId);
    const ownerId = dto.ownerId === undefined ? currentActorId() : dto.ownerId;
    const values = { ...contactColumns({ ...dto, departmentId, ownerId }, undefined, new Date()), lastName: dto.lastName };
    const allowed = await this.duplicates.check('contact', values, dto.allowDuplicates, { leadId: origin.fromLeadId });
    return this.steps.insert(values, { ...allowed, ...origin });
  }

  async update(id: string, version: number, dto: UpdateContactDto): Promise<ContactResponseDto> {
    assertDepartmentInScope(currentScope('crm.contacts:update'), dto.departmentId);
    return toContactResponse(await this.steps.update(id, version, (current) => contactColumns(dto, current, new Date())));
  }

  override async restore(id: string, version: number | undefined): Promise<ContactResponseDto> {
    const restored = await this.steps.restore(id, version, (current) => {
      if (current.mergedIntoId) throw CrmErrors.contactMerged(id, current.mergedIntoId);
    });
    return toContactResponse(restored);
  }

  /** Contacts merged into `survivorId` (the survivor's timeline includes their history). */
  mergedInto(survivorId: string): Promise<string[]> {
    return this.repository.mergedInto(survivorId);
  }
}
