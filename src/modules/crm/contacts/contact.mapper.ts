import { buildSearchText } from '@libs/pagination';
import type { Snapshot } from '../crm.events';
import { normalizedContactData } from '../shared/contact-data.rules';
import { addressToColumns, columnsToAddress } from '../shared/postal-address.dto';
import type { ContactResponseDto, UpdateContactDto } from './contact.dto';
import type { Contact, NewContact } from './contacts.schema';

export function toContactResponse(contact: Contact): ContactResponseDto {
  return {
    id: contact.id,
    version: contact.version,
    salutation: contact.salutation,
    title: contact.title,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    mobile: contact.mobile,
    companyId: contact.companyId,
    position: contact.position,
    preferredLanguage: contact.preferredLanguage,
    address: columnsToAddress(contact),
    marketingConsent: contact.marketingConsent,
    marketingConsentAt: contact.marketingConsentAt,
    marketingConsentSource: contact.marketingConsentSource,
    ownerId: contact.ownerId,
    departmentId: contact.departmentId,
    mergedIntoId: contact.mergedIntoId,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    createdBy: contact.createdBy,
    updatedBy: contact.updatedBy,
    deletedAt: contact.deletedAt,
  };
}

export const CONTACT_AUDITED_FIELDS = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
  'companyId',
  'position',
  'preferredLanguage',
  'street',
  'postalCode',
  'city',
  'countryCode',
  'marketingConsent',
  'marketingConsentAt',
  'marketingConsentSource',
  'ownerId',
  'departmentId',
  'mergedIntoId',
] as const satisfies readonly (keyof Contact)[];

/** Fields a merge may fill on the survivor from the duplicate (when the survivor's are empty). */
export const CONTACT_MERGE_FILLABLE = [
  'salutation',
  'title',
  'firstName',
  'email',
  'phone',
  'mobile',
  'companyId',
  'position',
  'street',
  'postalCode',
  'city',
  'countryCode',
] as const satisfies readonly (keyof Contact)[];

export function contactSnapshot(contact: Contact): Snapshot {
  return Object.fromEntries(CONTACT_AUDITED_FIELDS.map((field) => [field, contact[field]]));
}

export type ContactChanges = Partial<Omit<NewContact, 'id' | 'version' | 'createdAt' | 'createdBy'>>;

/** Columns of the fields present in a DTO (undefined = not sent); consent stamping is the service's. */
export function contactColumns(dto: Partial<UpdateContactDto>): ContactChanges {
  const columns: ContactChanges = {
    salutation: dto.salutation,
    title: dto.title,
    firstName: dto.firstName,
    lastName: dto.lastName,
    email: dto.email,
    phone: dto.phone,
    mobile: dto.mobile,
    companyId: dto.companyId,
    position: dto.position,
    preferredLanguage: dto.preferredLanguage,
    ownerId: dto.ownerId,
    departmentId: dto.departmentId,
    ...(dto.address !== undefined && addressToColumns(dto.address)),
  };
  return normalizedContactData(Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined)) as ContactChanges);
}

/**
 * Consent columns for a requested consent state: a change stamps the time and records the source;
 * repeating the current state changes nothing.
 */
export function consentColumns(
  current: { marketingConsent: boolean } | undefined,
  requested: { marketingConsent?: boolean; marketingConsentSource?: string | null },
  now: Date,
): ContactChanges {
  if (requested.marketingConsent === undefined || requested.marketingConsent === (current?.marketingConsent ?? false)) return {};
  return { marketingConsent: requested.marketingConsent, marketingConsentAt: now, marketingConsentSource: requested.marketingConsentSource ?? null };
}

export function contactSearchText(contact: Pick<NewContact, 'firstName' | 'lastName' | 'email' | 'phone' | 'mobile'>): string {
  return buildSearchText([contact.firstName, contact.lastName, contact.email], [contact.phone, contact.mobile]);
}
