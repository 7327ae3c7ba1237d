import { addressToColumns, columnsToAddress, normalizedContactData } from '@libs/contact-data';
import { fieldColumns } from '@libs/csv';
import { auditedPick, ChangesOf, pick, pickDefined } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { ContactResponseDto, UpdateContactDto } from './contact.dto';
import type { Contact, contacts } from './contacts.schema';

/** What a contact's DTOs set directly (consent and address are mapped on their own). */
const CONTACT_FIELDS = [
  'salutation', 'title', 'firstName', 'lastName', 'email', 'phone', 'mobile', 'companyId', 'position', 'preferredLanguage', 'ownerId', 'departmentId',
] as const satisfies readonly (keyof Contact)[];
const CONSENT_FIELDS = ['marketingConsent', 'marketingConsentAt', 'marketingConsentSource'] as const;
const ADDRESS_FIELDS = ['street', 'postalCode', 'city', 'countryCode'] as const;

export const CONTACT_AUDITED_FIELDS = [...CONTACT_FIELDS, ...ADDRESS_FIELDS, ...CONSENT_FIELDS, 'mergedIntoId'] as const;

/** Fields a merge may fill on the survivor from the duplicate (when the survivor's are empty). */
export const CONTACT_MERGE_FILLABLE = [
  'salutation', 'title', 'firstName', 'email', 'phone', 'mobile', 'companyId', 'position', ...ADDRESS_FIELDS,
] as const satisfies readonly (keyof Contact)[];

export const CONTACT_EXPORT_COLUMNS = fieldColumns<Contact>(['id', 'createdAt', 'updatedAt', ...CONTACT_AUDITED_FIELDS, 'deletedAt']);

const RESPONSE_FIELDS = [...CONTACT_FIELDS, ...CONSENT_FIELDS, 'mergedIntoId'] as const;

export function toContactResponse(contact: Contact): ContactResponseDto {
  // The address is set on the picked object: spreading it into a new one costs far more per row.
  const response: Omit<ContactResponseDto, 'address'> & Partial<Pick<ContactResponseDto, 'address'>> = auditedPick(contact, RESPONSE_FIELDS);
  response.address = columnsToAddress(contact);
  return response as ContactResponseDto;
}

export type ContactChanges = ChangesOf<typeof contacts>;

/**
 * Columns of the fields present in a DTO (undefined = not sent), normalised, with the search text.
 * A change of consent stamps the time and records the source; repeating the current state changes nothing.
 */
export function contactColumns(dto: Partial<UpdateContactDto>, current: Contact | undefined, now: Date): ContactChanges {
  const columns: ContactChanges = normalizedContactData(
    pickDefined({ ...pick(dto, CONTACT_FIELDS), ...(dto.address !== undefined && addressToColumns(dto.address)) }),
  );
  if (dto.marketingConsent !== undefined && dto.marketingConsent !== (current?.marketingConsent ?? false)) {
    Object.assign(columns, { marketingConsent: dto.marketingConsent, marketingConsentAt: now, marketingConsentSource: dto.marketingConsentSource ?? null });
  }
  return { ...columns, searchText: contactSearchText({ ...current, ...columns } as Contact) };
}

export function contactSearchText(contact: Pick<Contact, 'firstName' | 'lastName' | 'email' | 'phone' | 'mobile'>): string {
  return buildSearchText([contact.firstName, contact.lastName, contact.email], [contact.phone, contact.mobile]);
}
