import { Injectable } from '@nestjs/common';
import { CrmQueries } from '../../../crm';
import { UserDirectory } from '../../../auth';
import { Mailer } from '../../mail/mailer';
import { renderTemplate } from '../../shared/templates';
import { valueAt } from '../../workflows/conditions.rules';
import type { Recipient, SendEmailAction } from '../../workflows/workflow-definition';
import { ActionHandler, ActionOutcome, PermanentActionError, StepContext } from './action-handler';

interface ResolvedRecipient {
  address: string;
  language: 'de' | 'en';
  name: string;
}

const DEFAULT_PATHS: Record<Exclude<Recipient['kind'], 'fixed'>, string> = {
  lead: 'aggregateId',
  contact: 'aggregateId',
  assignee: 'payload.snapshot.assigneeId',
};

/** An e-mail from the action's bilingual template, in the recipient's language, to the recipient the event names. */
@Injectable()
export class SendEmailHandler implements ActionHandler<SendEmailAction> {
  readonly mode = 'external';

  constructor(
    private readonly crm: CrmQueries,
    private readonly users: UserDirectory,
    private readonly mailer: Mailer,
  ) {}

  async preview(action: SendEmailAction, ctx: StepContext): Promise<ActionOutcome> {
    const recipient = await this.resolve(action.recipient, ctx);
    const data = { event: ctx.event, recipient: { name: recipient.name, email: recipient.address, language: recipient.language } };
    const [subject, text] = await Promise.all([
      renderTemplate(action.template.subject[recipient.language], data),
      renderTemplate(action.template.body[recipient.language], data),
    ]);
    return { to: recipient.address, language: recipient.language, subject: subject.trim(), text };
  }

  async execute(action: SendEmailAction, ctx: StepContext): Promise<ActionOutcome> {
    const mail = (await this.preview(action, ctx)) as { to: string; language: 'de' | 'en'; subject: string; text: string };
    const sent = await this.mailer.send({ idempotencyKey: ctx.idempotencyKey, ...mail });
    return { to: mail.to, language: mail.language, subject: mail.subject, ...sent };
  }

  private async resolve(recipient: Recipient, ctx: StepContext): Promise<ResolvedRecipient> {
    if (recipient.kind === 'fixed') return { address: recipient.address as string, language: recipient.language ?? 'de', name: '' };
    const path = recipient.path ?? DEFAULT_PATHS[recipient.kind];
    const id = valueAt(ctx.event, path);
    if (typeof id !== 'string') throw new PermanentActionError(`no ${recipient.kind} id at ${path} of the event`);
    if (recipient.kind === 'assignee') {
      const user = await this.users.mailbox(id);
      if (!user) throw new PermanentActionError(`the user ${id} does not exist or is inactive`);
      return { address: user.email, language: user.locale, name: user.name };
    }
    const person = recipient.kind === 'lead' ? await this.crm.lead(id) : await this.crm.contact(id);
    if (!person) throw new PermanentActionError(`the ${recipient.kind} ${id} does not exist`);
    if (!person.email) throw new PermanentActionError(`the ${recipient.kind} ${id} has no e-mail address`);
    const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
    return { address: person.email, language: person.preferredLanguage, name };
  }
}
