import { isEmail } from 'class-validator';
import { normalizeEmail, normalizePhone } from '@libs/contact-data';
import type { FieldError } from '@libs/http';
import type { FormDefinition, FormField, LeadFieldTarget } from './form-definition';

/** The lead fields with a fixed set of values (from CrmCommands), injected so the rules stay pure. */
export type LeadFieldValues = Readonly<Record<'interests' | 'buildingType' | 'salutation' | 'preferredLanguage', readonly string[]>>;

const TEXT_MAX = 2000;
const MAX_ANSWERS_BYTES = 16_384;
const KEY = /^[a-z][a-zA-Z0-9_]{0,49}$/;
const POSTCODE = /^\d{5}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Which field types may fill which lead field. */
const LEAD_TARGET_TYPES: Record<LeadFieldTarget, readonly FormField['type'][]> = {
  salutation: ['select'],
  firstName: ['text'],
  lastName: ['text'],
  companyName: ['text'],
  email: ['email'],
  phone: ['phone'],
  message: ['text'],
  preferredLanguage: ['select'],
  propertyStreet: ['text'],
  propertyPostalCode: ['postcode'],
  propertyCity: ['text'],
  buildingType: ['select'],
  yearBuilt: ['number'],
  livingAreaM2: ['number'],
  interests: ['multi_select'],
  ownerOccupied: ['checkbox'],
};

/** Problems of a form definition (422 paths like `fields[2].options`), empty when it can be published. */
export function definitionProblems(definition: Pick<FormDefinition, 'kind' | 'fields' | 'consent' | 'settings'>, leadValues: LeadFieldValues): FieldError[] {
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  const targets = new Set<string>();
  definition.fields.forEach((field, i) => {
    const at = `fields[${i}]`;
    if (!KEY.test(field.key)) errors.push({ path: `${at}.key`, message: 'key must start with a lower-case letter and hold only letters, digits and _ (at most 50)' });
    if (keys.has(field.key)) errors.push({ path: `${at}.key`, message: `the key ${field.key} is used twice` });
    if (field.key === definition.settings.honeypotField) errors.push({ path: `${at}.key`, message: 'a field cannot use the honeypot field’s key' });
    keys.add(field.key);
    const choice = field.type === 'select' || field.type === 'multi_select';
    if (choice && !field.options?.length) errors.push({ path: `${at}.options`, message: `a ${field.type} field needs options` });
    if (!choice && field.options) errors.push({ path: `${at}.options`, message: 'only select and multi_select fields have options' });
    if (field.options && new Set(field.options.map((o) => o.value)).size !== field.options.length) errors.push({ path: `${at}.options`, message: 'option values must be unique' });
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) errors.push({ path: `${at}.min`, message: 'min must not exceed max' });
    if (field.pattern !== undefined) {
      if (field.type !== 'text') errors.push({ path: `${at}.pattern`, message: 'only text fields have a pattern' });
      else if (!compiles(field.pattern)) errors.push({ path: `${at}.pattern`, message: 'pattern must be a valid regular expression' });
    }
    if (field.type === 'consent' && !definition.consent) errors.push({ path: `${at}.type`, message: 'a consent field needs the form’s consent text and version' });
    if (field.leadField) {
      if (definition.kind !== 'lead') errors.push({ path: `${at}.leadField`, message: 'only lead forms fill lead fields' });
      if (!LEAD_TARGET_TYPES[field.leadField].includes(field.type)) {
        errors.push({ path: `${at}.leadField`, message: `${field.leadField} is filled by a ${LEAD_TARGET_TYPES[field.leadField].join(' or ')} field` });
      }
      if (targets.has(field.leadField)) errors.push({ path: `${at}.leadField`, message: `two fields fill ${field.leadField}` });
      targets.add(field.leadField);
      const allowed = (leadValues as Record<string, readonly string[]>)[field.leadField];
      const foreign = allowed ? field.options?.find((o) => !allowed.includes(o.value)) : undefined;
      if (foreign) errors.push({ path: `${at}.options`, message: `${foreign.value} is not a value of ${field.leadField} (${allowed.join(', ')})` });
    }
  });
  if (definition.kind === 'lead' && !targets.has('email') && !targets.has('phone')) {
    errors.push({ path: 'fields', message: 'a lead form needs a field filling email or phone (to reach and de-duplicate the lead)' });
  }
  return errors;
}

export interface CheckedAnswers {
  /** The answers as stored and published: normalised, only the form's fields, consent left out. */
  answers: Record<string, unknown>;
  /** Lead fields filled by the answers. */
  lead: Partial<Record<LeadFieldTarget, unknown>>;
  consentGiven: boolean;
  errors: FieldError[];
}

/** Validates answers against a form version: types, required fields, ranges, options; unknown keys are refused. */
export function checkAnswers(definition: FormDefinition, raw: Record<string, unknown>): CheckedAnswers {
  const result: CheckedAnswers = { answers: {}, lead: {}, consentGiven: false, errors: [] };
  if (Buffer.byteLength(JSON.stringify(raw)) > MAX_ANSWERS_BYTES) {
    result.errors.push({ path: 'answers', message: `the answers may take at most ${MAX_ANSWERS_BYTES} bytes` });
    return result;
  }
  const known = new Set([...definition.fields.map((f) => f.key), definition.settings.honeypotField]);
  for (const key of Object.keys(raw)) if (!known.has(key)) result.errors.push({ path: `answers.${key.slice(0, 50)}`, message: 'this form has no such field' });
  for (const field of definition.fields) {
    const value = raw[field.key];
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (field.type === 'checkbox' || field.type === 'consent' ? value === false : false);
    const path = `answers.${field.key}`;
    if (empty) {
      if (field.required) result.errors.push({ path, message: field.type === 'consent' ? 'consent is required' : 'this field is required' });
      continue;
    }
    const checked = checkValue(field, value);
    if ('error' in checked) {
      result.errors.push({ path, message: checked.error });
      continue;
    }
    if (field.type === 'consent') {
      result.consentGiven = true;
      continue;
    }
    result.answers[field.key] = checked.value;
    if (field.leadField) result.lead[field.leadField] = checked.value;
  }
  return result;
}

function checkValue(field: FormField, value: unknown): { value: unknown } | { error: string } {
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') return { error: 'must be text' };
      const text = value.trim();
      const min = field.min ?? 0;
      const max = Math.min(field.max ?? TEXT_MAX, TEXT_MAX);
      if (text.length < min || text.length > max) return { error: `must have ${min}–${max} characters` };
      if (field.pattern && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text)) return { error: 'has the wrong format' };
      return { value: text };
    }
    case 'email':
      return typeof value === 'string' && value.length <= 254 && isEmail(value.trim()) ? { value: normalizeEmail(value) } : { error: 'must be an e-mail address' };
    case 'phone': {
      const phone = typeof value === 'string' ? normalizePhone(value) : null;
      return phone ? { value: phone } : { error: 'must be a phone number' };
    }
    case 'postcode':
      return typeof value === 'string' && POSTCODE.test(value.trim()) ? { value: value.trim() } : { error: 'must be a German postcode (five digits)' };
    case 'number': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(number)) return { error: 'must be a number' };
      if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) return { error: `must be between ${field.min ?? '−∞'} and ${field.max ?? '∞'}` };
      return { value: number };
    }
    case 'select':
      return typeof value === 'string' && field.options?.some((o) => o.value === value) ? { value } : { error: 'must be one of the options' };
    case 'multi_select': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && field.options?.some((o) => o.value === v))) return { error: 'must be a list of the options' };
      const unique = [...new Set(value as string[])];
      if ((field.min !== undefined && unique.length < field.min) || (field.max !== undefined && unique.length > field.max)) return { error: `choose ${field.min ?? 0}–${field.max ?? unique.length}` };
      return { value: unique };
    }
    case 'checkbox':
    case 'consent':
      return value === true ? { value: true } : { error: 'must be true or false' };
    case 'date': {
      if (typeof value !== 'string' || !DATE.test(value)) return { error: 'must be a date (YYYY-MM-DD)' };
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? { value } : { error: 'must be a date (YYYY-MM-DD)' };
    }
  }
}

function compiles(pattern: string): boolean {
  if (pattern.length > 200) return false;
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
