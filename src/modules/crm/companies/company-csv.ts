import type { CsvColumn } from '@libs/csv';
import type { Company } from './companies.schema';

export const COMPANY_EXPORT_COLUMNS: readonly CsvColumn<Company>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'created_at', value: (c) => c.createdAt },
  { header: 'updated_at', value: (c) => c.updatedAt },
  { header: 'name', value: (c) => c.name },
  { header: 'legal_form', value: (c) => c.legalForm },
  { header: 'vat_id', value: (c) => c.vatId },
  { header: 'street', value: (c) => c.street },
  { header: 'postal_code', value: (c) => c.postalCode },
  { header: 'city', value: (c) => c.city },
  { header: 'country_code', value: (c) => c.countryCode },
  { header: 'website', value: (c) => c.website },
  { header: 'phone', value: (c) => c.phone },
  { header: 'email', value: (c) => c.email },
  { header: 'owner_id', value: (c) => c.ownerId },
  { header: 'department_id', value: (c) => c.departmentId },
  { header: 'deleted_at', value: (c) => c.deletedAt },
];
