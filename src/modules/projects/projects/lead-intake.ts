import type { Snapshot } from '@libs/events';
import type { UpdateBuildingDto } from '../buildings/building.dto';
import { projectBuildingType, ProjectBuildingType } from '../buildings/buildings.schema';
import { projectInterest, ProjectInterest } from './projects.schema';

/**
 * What a project takes over from a converted lead, whether it arrives as the `crm.lead.converted`
 * event or is read through CrmQueries for a direct creation: customer, interests, the people
 * responsible and the property as the enquirer described it.
 */
export interface LeadIntake {
  leadId: string;
  contactId: string | null;
  companyId: string | null;
  interests: ProjectInterest[];
  assigneeId: string | null;
  departmentId: string | null;
  property: {
    street: string | null;
    postalCode: string | null;
    city: string | null;
    countryCode: string | null;
    buildingType: string | null;
    yearBuilt: number | null;
    livingAreaM2: number | null;
    residentialUnits: number | null;
    ownerOccupied: boolean | null;
  };
}

/** The lead as CrmQueries answers it (the fields the intake reads). */
export interface LeadRecord {
  id: string;
  convertedContactId: string | null;
  convertedCompanyId: string | null;
  interests: string[];
  assigneeId: string | null;
  departmentId: string | null;
  propertyAddress: { street?: string | null; postalCode?: string | null; city?: string | null; countryCode?: string | null } | null;
  buildingType: string | null;
  yearBuilt: number | null;
  livingAreaM2: number | null;
  residentialUnits: number | null;
  ownerOccupied: boolean | null;
}

/** The event's payload (crm.lead.converted), as the intake reads it. */
export interface LeadConvertedPayload {
  contactId: string;
  companyId: string | null;
  property: Snapshot;
  interests: string[];
  assigneeId: string | null;
  departmentId: string | null;
}

export function intakeFromLead(lead: LeadRecord): LeadIntake {
  const address = lead.propertyAddress;
  return {
    leadId: lead.id,
    contactId: lead.convertedContactId,
    companyId: lead.convertedCompanyId,
    interests: projectInterests(lead.interests),
    assigneeId: lead.assigneeId,
    departmentId: lead.departmentId,
    property: {
      street: address?.street ?? null,
      postalCode: address?.postalCode ?? null,
      city: address?.city ?? null,
      countryCode: address?.countryCode ?? null,
      buildingType: lead.buildingType,
      yearBuilt: lead.yearBuilt,
      livingAreaM2: lead.livingAreaM2,
      residentialUnits: lead.residentialUnits,
      ownerOccupied: lead.ownerOccupied,
    },
  };
}

/** The event's property is a JSON snapshot: read each field by its type, anything else is unknown. */
export function intakeFromEvent(leadId: string, payload: LeadConvertedPayload): LeadIntake {
  const p = payload.property ?? {};
  const text = (key: string) => (typeof p[key] === 'string' && (p[key] as string).length > 0 ? (p[key] as string) : null);
  const number = (key: string) => (typeof p[key] === 'number' && Number.isFinite(p[key]) ? (p[key] as number) : typeof p[key] === 'string' && p[key] !== '' && Number.isFinite(Number(p[key])) ? Number(p[key]) : null);
  return {
    leadId,
    contactId: payload.contactId,
    companyId: payload.companyId,
    interests: projectInterests(payload.interests ?? []),
    assigneeId: payload.assigneeId,
    departmentId: payload.departmentId,
    property: {
      street: text('street'),
      postalCode: text('postalCode'),
      city: text('city'),
      countryCode: text('countryCode'),
      buildingType: text('buildingType'),
      yearBuilt: number('yearBuilt'),
      livingAreaM2: number('livingAreaM2'),
      residentialUnits: number('residentialUnits'),
      ownerOccupied: typeof p.ownerOccupied === 'boolean' ? p.ownerOccupied : null,
    },
  };
}

/** Lead interests as project interests: known ones kept, anything else `other`, no duplicates. */
export function projectInterests(interests: readonly string[]): ProjectInterest[] {
  const known = projectInterest.enumValues as readonly string[];
  return [...new Set(interests.map((i) => (known.includes(i) ? (i as ProjectInterest) : 'other')))];
}

/** The first building of the project, from the lead's property; undefined when the lead says nothing about one. */
export function buildingFromIntake(intake: LeadIntake): UpdateBuildingDto | undefined {
  const p = intake.property;
  if (Object.values(p).every((value) => value === null)) return undefined;
  const type = (projectBuildingType.enumValues as readonly string[]).includes(p.buildingType ?? '') ? (p.buildingType as ProjectBuildingType) : null;
  const address = p.street || p.postalCode || p.city ? { street: p.street, postalCode: p.postalCode, city: p.city, countryCode: p.countryCode ?? 'DE' } : null;
  return {
    address,
    buildingType: type,
    yearOfConstruction: p.yearBuilt,
    heatedLivingAreaM2: p.livingAreaM2,
    residentialUnits: p.residentialUnits,
    // The lead only says whether the enquirer lives there: one owner-occupied unit, or none.
    ownerOccupiedUnits: p.ownerOccupied === null ? null : p.ownerOccupied ? 1 : 0,
  };
}

/** A project title for a project made from an event (nobody typed one): the customer's name and the property. */
export function intakeTitle(intake: LeadIntake, contact: { firstName: string | null; lastName: string | null } | undefined): string {
  const person = [contact?.lastName, contact?.firstName].filter(Boolean).join(', ');
  const place = [intake.property.street, intake.property.city].filter(Boolean).join(', ');
  return [person, place].filter(Boolean).join(' – ') || `Projekt aus Lead ${intake.leadId.slice(0, 8)}`;
}
