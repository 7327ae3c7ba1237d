import { addressToColumns, columnsToAddress } from '@libs/contact-data';
import { auditedPick, pick, pickDefined } from '@libs/resource';
import type { FinanceSettingsResponseDto, UpdateFinanceSettingsDto } from './finance-settings.dto';
import type { FinanceSettings, financeSettings } from './finance-settings.schema';

const SETTINGS_FIELDS = [
  'legalName',
  'taxNumber',
  'vatId',
  'registerCourt',
  'registerNumber',
  'managingDirectors',
  'email',
  'phone',
  'website',
  'iban',
  'bic',
  'bankName',
  'paymentTermsDays',
  'paymentTermsText',
  'invoiceNumberFormat',
  'cancellationNumberFormat',
  'quoteNumberFormat',
  'datevConsultantNumber',
  'datevClientNumber',
  'datevChartOfAccounts',
  'datevAccounts',
] as const satisfies readonly (keyof FinanceSettings)[];

export const SETTINGS_AUDITED_FIELDS = [...SETTINGS_FIELDS, 'street', 'postalCode', 'city', 'countryCode'] as const satisfies readonly (keyof FinanceSettings)[];

export function toFinanceSettingsResponse(row: FinanceSettings): FinanceSettingsResponseDto {
  const response = auditedPick(row, SETTINGS_FIELDS) as FinanceSettingsResponseDto;
  response.address = columnsToAddress(row);
  return response;
}

export function financeSettingsColumns(dto: UpdateFinanceSettingsDto): Partial<typeof financeSettings.$inferInsert> {
  return pickDefined({ ...pick(dto, SETTINGS_FIELDS), ...(dto.address !== undefined && addressToColumns(dto.address)) });
}
