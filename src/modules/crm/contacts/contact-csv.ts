import type { CsvColumn } from '@libs/csv';
import type { Contact } from './contacts.schema';

export const CONTACT_EXPORT_COLUMNS: readonly CsvColumn<Contact>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'created_at', value: (c) => c.createdAt },
  { header: 'updated_at', value: (c) => c.updatedAt },
  { header: 'salutation', value: (c) => c.salutation },
  { header: 'title', value: (c) => c.title },
  { header: 'first_name', value: (c) => c.firstName },
  { header: 'last_name', value: (c) => c.lastName },
  { header: 'email', value: (c) => c.email },
  { header: 'phone', value: (c) => c.phone },
  { header: 'mobile', value: (c) => c.mobile },
  { header: 'company_id', value: (c) => c.companyId },
  { header: 'position', value: (c) => c.position },
  { header: 'preferred_language', value: (c) => c.preferredLanguage },
  { header: 'street', value: (c) => c.street },
  { header: 'postal_code', value: (c) => c.postalCode },
  { header: 'city', value: (c) => c.city },
  { header: 'country_code', value: (c) => c.countryCode },
  { header: 'marketing_consent', value: (c) => c.marketingConsent },
  { header: 'marketing_consent_at', value: (c) => c.marketingConsentAt },
  { header: 'marketing_consent_source', value: (c) => c.marketingConsentSource },
  { header: 'owner_id', value: (c) => c.ownerId },
  { header: 'department_id', value: (c) => c.departmentId },
  { header: 'merged_into_id', value: (c) => c.mergedIntoId },
  { header: 'deleted_at', value: (c) => c.deletedAt },
];
