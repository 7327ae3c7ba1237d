import type { LocalizedText } from '@libs/shared';

export const FORM_FIELD_TYPES = ['text', 'email', 'phone', 'postcode', 'number', 'select', 'multi_select', 'checkbox', 'date', 'consent'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Lead fields a lead form may fill (CrmCommands.createLeadFromForm takes exactly these). */
export const LEAD_FIELD_TARGETS = [
  'salutation', 'firstName', 'lastName', 'companyName', 'email', 'phone', 'message', 'preferredLanguage',
  'propertyStreet', 'propertyPostalCode', 'propertyCity', 'buildingType', 'yearBuilt', 'livingAreaM2', 'interests', 'ownerOccupied',
] as const;
export type LeadFieldTarget = (typeof LEAD_FIELD_TARGETS)[number];

export interface FormFieldOption {
  value: string;
  label: LocalizedText;
}

/** One field of a form as visitors see it and as submissions are validated against it. */
export interface FormField {
  /** The answer's key: `[a-z][a-zA-Z0-9_]*`. */
  key: string;
  type: FormFieldType;
  label: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  /** text: length; number: value. */
  min?: number;
  max?: number;
  /** text: a regular expression the answer must match (checked with a length limit, anchored). */
  pattern?: string;
  /** select / multi_select. */
  options?: FormFieldOption[];
  /** Lead forms: which lead field the answer fills. */
  leadField?: LeadFieldTarget;
}

/** The consent a visitor gives, with its own version (kept with every submission). */
export interface FormConsent {
  version: string;
  text: LocalizedText;
}

export interface FormSettings {
  /** A submission sooner than this after the form token was issued is treated as a bot. */
  minFillSeconds: number;
  /** A hidden field humans leave empty. */
  honeypotField: string;
  /** Submissions per client address and hour, over all forms (429 beyond). */
  maxPerIpPerHour: number;
  /** Submissions per form and hour (429 beyond). */
  maxPerFormPerHour: number;
}

export const DEFAULT_FORM_SETTINGS: FormSettings = { minFillSeconds: 3, honeypotField: 'website', maxPerIpPerHour: 20, maxPerFormPerHour: 500 };

export const FORM_KINDS = ['lead', 'general'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** A version of a form: what a submission is validated against and records. */
export interface FormDefinition {
  kind: FormKind;
  fields: FormField[];
  consent: FormConsent | null;
  confirmation: LocalizedText;
  settings: FormSettings;
}

/** Attribution of a submission (`utm_source` … `utm_content`). */
export interface UtmParameters {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}
