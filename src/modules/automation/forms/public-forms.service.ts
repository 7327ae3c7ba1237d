import { Injectable } from '@nestjs/common';
import { InjectTransactionHost, Propagation } from '@nestjs-cls/transactional';
import { AppConfig, InjectAppConfig } from '@libs/config';
import { currentContext } from '@libs/context';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import type { FieldError } from '@libs/http';
import { CrmCommands, FormLeadInput, FormLeadResult } from '../../crm';
import { AutomationErrors } from '../automation.errors';
import { AUTOMATION_EVENTS } from '../automation.events';
import type { FormDefinition, UtmParameters } from './form-definition';
import { checkAnswers } from './form-definition.rules';
import type { PublicFormDto, SubmissionReceiptDto, SubmitFormDto } from './form.dto';
import { FormSubmissionsRepository, NewFormSubmission } from './form-submissions.repository';
import { FormTokens } from './form-token';
import { FormsRepository } from './forms.repository';
import type { Form, FormRejectionReason, FormSubmission } from './forms.schema';

const MAX_STORED_REJECTED_BYTES = 16_384;

export interface SubmissionClient {
  ip: string;
  userAgent: string | null;
}

/**
 * The public side of forms: the current version with a signed token, and submissions. A
 * submission is rate limited per client address and per form (429, nothing stored), checked
 * (token, honeypot, minimum fill time, answers against the version the token names) and stored —
 * rejected ones with their reason and nothing else changed; spam is answered like a success so
 * bots learn nothing. An accepted submission of a lead form creates (or finds) the lead through
 * CrmCommands and emits `automation.form.submitted`, all in one transaction.
 */
@Injectable()
export class PublicFormsService {
  private readonly tokens: FormTokens;

  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly forms: FormsRepository,
    private readonly submissions: FormSubmissionsRepository,
    private readonly crm: CrmCommands,
    private readonly outbox: EventOutbox,
    @InjectAppConfig() config: AppConfig,
  ) {
    this.tokens = new FormTokens(config.automation.secretKey);
  }

  async get(slug: string): Promise<PublicFormDto> {
    const form = await this.open(slug);
    return {
      slug: form.slug,
      name: form.name,
      version: form.version,
      fields: form.fields,
      consent: form.consent,
      honeypotField: form.settings.honeypotField,
      formToken: this.tokens.issue({ formId: form.id, version: form.version, issuedAt: Date.now() }),
    };
  }

  async submit(slug: string, dto: SubmitFormDto, client: SubmissionClient): Promise<SubmissionReceiptDto> {
    const form = await this.open(slug);
    const now = Date.now();
    const language = dto.language ?? 'de';
    return this.txHost.withTransaction(async () => {
      await this.submissions.lockClient(client.ip);
      const counts = await this.submissions.countLastHour(client.ip, form.id);
      if (counts.byClient >= form.settings.maxPerIpPerHour || counts.byForm >= form.settings.maxPerFormPerHour) throw AutomationErrors.rateLimited(3600);
      const claims = this.tokens.verify(dto.formToken, form.id, now);
      const definition = claims && (await this.forms.findVersion(form.id, claims.version));
      const base: NewFormSubmission = {
        formId: form.id,
        formVersion: claims?.version ?? form.version,
        status: 'rejected',
        answers: storable(dto.answers),
        utm: utmOf(dto),
        language,
        clientIp: client.ip,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
      };
      if (!claims || !definition) {
        await this.rejectKeepingRecord(base, 'token_invalid', null);
        throw AutomationErrors.submissionTokenInvalid();
      }
      const honeypot = dto.answers[definition.settings.honeypotField];
      if (honeypot !== undefined && honeypot !== null && honeypot !== '') return receipt(definition, await this.submissions.insert({ ...base, rejectionReason: 'honeypot' }), language);
      if (now - claims.issuedAt < definition.settings.minFillSeconds * 1000) {
        return receipt(definition, await this.submissions.insert({ ...base, rejectionReason: 'too_fast' }), language);
      }
      const checked = checkAnswers(definition, dto.answers);
      if (checked.errors.length > 0) {
        await this.rejectKeepingRecord(base, 'invalid', checked.errors);
        throw AutomationErrors.submissionInvalid(checked.errors);
      }
      const consent =
        definition.consent && checked.consentGiven
          ? { ...definition.consent, text: definition.consent.text, language, givenAt: new Date(now).toISOString() }
          : null;
      const submission = await this.submissions.insert({ ...base, status: 'accepted', answers: checked.answers, consent });
      const lead = definition.kind === 'lead' ? await this.createLead(form, submission, checked.lead, consent?.version ?? null) : undefined;
      await this.outbox.append(
        AUTOMATION_EVENTS.form.submitted(form.id, {
          submissionId: submission.id,
          formSlug: form.slug,
          formVersion: submission.formVersion,
          kind: definition.kind,
          language,
          answers: checked.answers,
          utm: (submission.utm as Record<string, string> | null) ?? null,
          consentVersion: consent?.version ?? null,
          leadId: lead?.leadId ?? null,
          contactId: lead && !lead.created ? lead.contactId : null,
          leadCreated: lead?.created ?? false,
        }),
      );
      return receipt(definition, submission, language);
    });
  }

  private async open(slug: string): Promise<Form> {
    const form = await this.forms.findOpen(slug);
    if (!form) throw AutomationErrors.publicFormNotFound(slug);
    return form;
  }

  private async createLead(form: Form, submission: FormSubmission, fields: Record<string, unknown>, consentVersion: string | null): Promise<FormLeadResult> {
    const input = {
      ...fields,
      preferredLanguage: (fields.preferredLanguage as 'de' | 'en' | undefined) ?? (submission.language as 'de' | 'en'),
      attribution: { formId: form.id, formSubmissionId: submission.id, utm: (submission.utm as Record<string, string> | null) ?? null, consentVersion },
    } as FormLeadInput;
    const result = await this.crm.createLeadFromForm(input);
    await this.submissions.linkLead(submission.id, {
      leadId: result.leadId,
      contactId: result.created ? null : result.contactId,
      leadCreated: result.created,
    });
    return result;
  }

  /** A refused submission is recorded although the request fails (its own transaction survives the error). */
  private async rejectKeepingRecord(base: NewFormSubmission, reason: FormRejectionReason, errors: FieldError[] | null): Promise<void> {
    await this.txHost.withTransaction(Propagation.RequiresNew, () => this.submissions.insert({ ...base, rejectionReason: reason, errors }));
  }
}

function receipt(definition: FormDefinition, submission: FormSubmission, language: 'de' | 'en'): SubmissionReceiptDto {
  return { id: submission.id, confirmation: definition.confirmation, message: definition.confirmation[language] };
}

function utmOf(dto: SubmitFormDto): UtmParameters | null {
  const utm = Object.fromEntries(Object.entries(dto.utm ?? {}).filter(([, value]) => typeof value === 'string' && value !== ''));
  return Object.keys(utm).length > 0 ? utm : null;
}

/** What a refused submission keeps of the raw answers: all of them up to 16 KB, else a marker. */
function storable(answers: Record<string, unknown>): Record<string, unknown> {
  return Buffer.byteLength(JSON.stringify(answers)) <= MAX_STORED_REJECTED_BYTES ? answers : { truncated: true };
}

export function clientOf(userAgent: string | undefined): SubmissionClient {
  return { ip: currentContext().clientIp ?? 'unknown', userAgent: userAgent ?? null };
}
