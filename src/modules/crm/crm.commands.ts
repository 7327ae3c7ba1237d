import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import type { Scope } from '@libs/auth';
import { RequestContextStore, SYSTEM_ACTOR_ID } from '@libs/context';
import { AppError } from '@libs/http';
import type { ActivityType } from './activities/activities.schema';
import { ActivitiesService } from './activities/activities.service';
import type { DuplicateCandidate } from './shared/duplicates.repository';
import type { CreateLeadDto, LeadResponseDto, UpdateLeadDto } from './leads/lead.dto';
import { buildingType, BuildingType, leadInterest, LeadInterest } from './leads/leads.schema';
import { LeadsService } from './leads/leads.service';
import { crmLanguage, CrmLanguage, salutation, Salutation } from './shared/crm-enums.schema';

/**
 * The grant other contexts' background work writes to the CRM with (forms, workflows): the system
 * actor with scope `all` on exactly these permissions — so a public form's duplicate check sees
 * every live lead and contact, as a back-office user's would, and nothing else is possible.
 */
export const CRM_COMMANDS_GRANTS: Readonly<Record<string, Scope>> = {
  'crm.leads:create': 'all',
  'crm.leads:read': 'all',
  'crm.leads:update': 'all',
  'crm.contacts:read': 'all',
  'crm.companies:read': 'all',
  'crm.activities:create': 'all',
};

/** The values lead fields with a fixed set accept (a lead form's select options must be among them). */
export const LEAD_FIELD_VALUES: Readonly<Record<'interests' | 'buildingType' | 'salutation' | 'preferredLanguage', readonly string[]>> = {
  interests: leadInterest.enumValues,
  buildingType: buildingType.enumValues,
  salutation: salutation.enumValues,
  preferredLanguage: crmLanguage.enumValues,
};

/** A lead from a public form: contact data, property, interests, and where it came from. */
export interface FormLeadInput {
  salutation?: Salutation | null;
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
  email?: string | null;
  phone?: string | null;
  message?: string | null;
  preferredLanguage?: CrmLanguage;
  propertyStreet?: string | null;
  propertyPostalCode?: string | null;
  propertyCity?: string | null;
  buildingType?: BuildingType | null;
  yearBuilt?: number | null;
  livingAreaM2?: number | null;
  interests?: LeadInterest[];
  ownerOccupied?: boolean | null;
  /** Recorded in the lead's created event (and so in its audit history): form, submission, UTM, consent. */
  attribution: { formId: string; formSubmissionId: string; utm: Record<string, string> | null; consentVersion: string | null };
}

/** The lead a form submission created, or the existing lead or contact it was recognised as. */
export type FormLeadResult = { created: true; leadId: string } | { created: false; leadId: string | null; contactId: string | null };

export interface ActivityInput {
  type: ActivityType;
  subject: string;
  body?: string | null;
  leadId?: string;
  contactId?: string;
  companyId?: string;
  ownerId?: string | null;
}

/** Lead fields automation may set (a workflow's `update_field` action), each through the lead's own rules. */
export const AUTOMATION_LEAD_FIELDS = ['status', 'assigneeId', 'departmentId', 'estimatedValueCents', 'buildingType', 'preferredLanguage'] as const;
export type AutomationLeadField = (typeof AUTOMATION_LEAD_FIELDS)[number];

/**
 * How other contexts change CRM records (exported from crm/index.ts; never the tables). Each
 * command runs the CRM's own use case — validation, duplicate rule, events, audit — as the system
 * actor holding `CRM_COMMANDS_GRANTS`, inside the caller's transaction when one is open.
 */
@Injectable()
export class CrmCommands {
  constructor(
    private readonly leads: LeadsService,
    @Inject(forwardRef(() => ActivitiesService)) private readonly activities: ActivitiesService,
  ) {}

  /**
   * Creates the lead of a form submission (source `website_form`), deduplicated the CRM way: the
   * duplicate check locks the e-mail and phone until the transaction ends, so concurrent identical
   * submissions serialise; when a live lead or contact already has them, no lead is created and
   * the enquiry is recorded as a note on that record instead.
   */
  createLeadFromForm(input: FormLeadInput): Promise<FormLeadResult> {
    return asCrmSystem(async () => {
      const { attribution, propertyStreet, propertyPostalCode, propertyCity, ...fields } = input;
      const propertyAddress =
        propertyStreet || propertyPostalCode || propertyCity
          ? { street: propertyStreet ?? null, postalCode: propertyPostalCode ?? null, city: propertyCity ?? null, countryCode: 'DE' }
          : undefined;
      const dto = { ...fields, propertyAddress, source: 'website_form', departmentId: null } as CreateLeadDto;
      try {
        const lead = await this.leads.create(dto, { attribution });
        return { created: true, leadId: lead.id };
      } catch (error) {
        const candidates = duplicateCandidates(error);
        if (!candidates) throw error;
        const lead = candidates.find((c) => c.type === 'lead');
        const contact = candidates.find((c) => c.type === 'contact');
        const subject = lead ? { leadId: lead.id } : { contactId: contact?.id };
        await this.activities.create({
          type: 'note',
          subject: 'Erneute Anfrage über ein Webformular',
          body: input.message ?? null,
          ...subject,
          ownerId: null,
          departmentId: null,
        });
        return { created: false, leadId: lead?.id ?? null, contactId: lead ? null : (contact?.id ?? null) };
      }
    });
  }

  /** An activity on the timeline of a lead, contact and/or company. */
  createActivity(input: ActivityInput): Promise<{ activityId: string }> {
    return asCrmSystem(async () => {
      const activity = await this.activities.create({ ...input, ownerId: input.ownerId ?? null, departmentId: null });
      return { activityId: activity.id };
    });
  }

  /** Sets one allowed field of a live lead (status moves follow the pipeline); unchanged values change nothing. */
  updateLeadField(leadId: string, field: AutomationLeadField, value: unknown): Promise<LeadResponseDto> {
    return asCrmSystem(async () => {
      const current = await this.leads.lookup(leadId);
      if (!current) throw AppError.notFound('CRM_LEAD_NOT_FOUND', `The lead ${leadId} does not exist.`);
      return this.leads.update(leadId, current.version, { [field]: value } as UpdateLeadDto);
    });
  }
}

/** Runs `fn` as the system actor with the commands' grants, keeping the caller's transaction. */
function asCrmSystem<T>(fn: () => Promise<T>): Promise<T> {
  const cls = ClsServiceManager.getClsService<RequestContextStore>();
  return cls.run({ ifNested: 'inherit' }, () => {
    cls.set('actorId', SYSTEM_ACTOR_ID);
    cls.set('actorDepartmentId', null);
    cls.set('grants', CRM_COMMANDS_GRANTS);
    return fn();
  });
}

function duplicateCandidates(error: unknown): DuplicateCandidate[] | undefined {
  if (!(error instanceof AppError) || error.code !== 'CRM_DUPLICATE_CANDIDATES') return undefined;
  const candidates = error.extensions?.duplicates as DuplicateCandidate[] | undefined;
  return candidates && candidates.length > 0 ? candidates : undefined;
}
