import { Injectable } from '@nestjs/common';
import { CrmCommands } from '../../../crm';
import { renderTemplate } from '../../shared/templates';
import { valueAt } from '../../workflows/conditions.rules';
import type { CreateActivityAction } from '../../workflows/workflow-definition';
import { ActionHandler, ActionOutcome, PermanentActionError, StepContext } from './action-handler';

/** An activity on the CRM timeline of the lead, contact or company the event names (through CrmCommands). */
@Injectable()
export class CreateActivityHandler implements ActionHandler<CreateActivityAction> {
  readonly mode = 'database';

  constructor(private readonly crm: CrmCommands) {}

  async preview(action: CreateActivityAction, ctx: StepContext): Promise<ActionOutcome> {
    const path = action.subjectPath ?? 'aggregateId';
    const subjectId = valueAt(ctx.event, path);
    if (typeof subjectId !== 'string') throw new PermanentActionError(`no ${action.subjectKind} id at ${path} of the event`);
    const data = { event: ctx.event };
    const subject = (await renderTemplate(action.subject, data)).trim().slice(0, 300) || '(ohne Betreff)';
    const body = action.body === undefined ? null : await renderTemplate(action.body, data);
    return { type: action.activityType, [`${action.subjectKind}Id`]: subjectId, subject, body, ownerId: action.ownerId ?? null };
  }

  async execute(action: CreateActivityAction, ctx: StepContext): Promise<ActionOutcome> {
    const planned = (await this.preview(action, ctx)) as { subject: string; body: string | null; ownerId: string | null };
    try {
      const { activityId } = await this.crm.createActivity({
        type: action.activityType,
        subject: planned.subject,
        body: planned.body,
        [`${action.subjectKind}Id`]: valueAt(ctx.event, action.subjectPath ?? 'aggregateId') as string,
        ownerId: planned.ownerId,
      });
      return { ...planned, activityId };
    } catch (error) {
      throw asPermanent(error);
    }
  }
}

/** A problem the CRM answered (4xx: unknown subject, refused value) will not go away by retrying. */
export function asPermanent(error: unknown): unknown {
  const status = (error as { getStatus?: () => number }).getStatus?.();
  return status !== undefined && status < 500 ? new PermanentActionError((error as Error).message) : error;
}
