import { Injectable } from '@nestjs/common';
import { CrmCommands } from '../../../crm';
import type { AutomationLeadField } from '../../../crm';
import { valueAt } from '../../workflows/conditions.rules';
import type { UpdateFieldAction } from '../../workflows/workflow-definition';
import { ActionHandler, ActionOutcome, PermanentActionError, StepContext } from './action-handler';
import { asPermanent } from './create-activity.action';

/** Sets one field of a lead through CrmCommands (only the fields the CRM allows automation to set). */
@Injectable()
export class UpdateFieldHandler implements ActionHandler<UpdateFieldAction> {
  readonly mode = 'database';

  constructor(private readonly crm: CrmCommands) {}

  async preview(action: UpdateFieldAction, ctx: StepContext): Promise<ActionOutcome> {
    const path = action.idPath ?? 'aggregateId';
    const id = valueAt(ctx.event, path);
    if (typeof id !== 'string') throw new PermanentActionError(`no ${action.entity} id at ${path} of the event`);
    const value = action.valuePath !== undefined ? (valueAt(ctx.event, action.valuePath) ?? null) : (action.value ?? null);
    return { entity: action.entity, id, field: action.field, value };
  }

  async execute(action: UpdateFieldAction, ctx: StepContext): Promise<ActionOutcome> {
    const planned = (await this.preview(action, ctx)) as { id: string; field: AutomationLeadField; value: unknown };
    try {
      const lead = await this.crm.updateLeadField(planned.id, planned.field, planned.value);
      return { ...planned, version: lead.version };
    } catch (error) {
      throw asPermanent(error);
    }
  }
}
