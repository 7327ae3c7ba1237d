import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { Page, toPage } from '@libs/pagination';
import { CommonListFilters, ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { LEAD_FIELD_VALUES } from '../../crm';
import { AutomationErrors } from '../automation.errors';
import { AUTOMATION_EVENTS } from '../automation.events';
import { createdAtCursor, parseCreatedAtCursor } from '../shared/created-at-cursor';
import { DEFAULT_FORM_SETTINGS, FormDefinition } from './form-definition';
import { definitionProblems } from './form-definition.rules';
import { CreateFormDto, FormResponseDto, FormSubmissionDto, ListFormSubmissionsQueryDto, UpdateFormDto } from './form.dto';
import { definitionOf, FORM_AUDITED_FIELDS, toFormResponse, toSubmissionDto } from './form.mapper';
import { FormSubmissionsRepository } from './form-submissions.repository';
import { FormsRepository } from './forms.repository';
import type { Form, forms } from './forms.schema';

const FORM: ResourceDefinition<Form> = {
  name: 'form',
  code: 'AUTOMATION_FORM',
  permissions: resourcePermissions('automation.forms'),
  events: AUTOMATION_EVENTS.form,
  auditedFields: FORM_AUDITED_FIELDS,
};

/** Forms and their versions: every change of a form is a new version, kept for the submissions made with it. */
@Injectable()
export class FormsService extends ResourceService<typeof forms, CommonListFilters, FormResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    private readonly forms: FormsRepository,
    private readonly submissions: FormSubmissionsRepository,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository: forms }, FORM, toFormResponse);
  }

  async create(dto: CreateFormDto): Promise<FormResponseDto> {
    const definition = checked({
      kind: dto.kind,
      fields: dto.fields,
      consent: dto.consent ?? null,
      confirmation: dto.confirmation,
      settings: dto.settings ?? DEFAULT_FORM_SETTINGS,
    });
    return this.steps.transaction(async () => {
      const row = await this.steps.insert({ slug: dto.slug ?? slugFrom(dto.name.de), name: dto.name, ...definition, enabled: dto.enabled ?? true });
      await this.forms.insertVersion(row.id, row.version, definitionOf(row));
      return toFormResponse(row);
    });
  }

  async update(id: string, version: number, dto: UpdateFormDto): Promise<FormResponseDto> {
    return this.steps.transaction(async () => {
      const updated = await this.steps.update(id, version, (current) => {
        const definition = checked({
          kind: dto.kind ?? current.kind,
          fields: dto.fields ?? current.fields,
          consent: dto.consent === undefined ? current.consent : dto.consent,
          confirmation: dto.confirmation ?? current.confirmation,
          settings: dto.settings ?? current.settings,
        });
        return { ...definition, ...(dto.name && { name: dto.name }), ...(typeof dto.enabled === 'boolean' && { enabled: dto.enabled }) };
      });
      await this.forms.insertVersion(updated.id, updated.version, definitionOf(updated));
      return toFormResponse(updated);
    });
  }

  async listSubmissions(query: ListFormSubmissionsQueryDto): Promise<Page<FormSubmissionDto>> {
    const rows = await this.submissions.list(query, parseCreatedAtCursor(query.cursor));
    return toPage(rows, query.limit, createdAtCursor, toSubmissionDto);
  }
}

function checked(definition: FormDefinition): FormDefinition {
  const errors = definitionProblems(definition, LEAD_FIELD_VALUES);
  if (errors.length > 0) throw AutomationErrors.invalidForm(errors);
  return definition;
}

/** `Energieberatung anfragen` → `energieberatung-anfragen-7f3a2c`. */
function slugFrom(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'form'}-${randomBytes(3).toString('hex')}`;
}
