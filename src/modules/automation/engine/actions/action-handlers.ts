import { Injectable } from '@nestjs/common';
import type { ActionType, StoredAction } from '../../workflows/workflow-definition';
import type { ActionHandler } from './action-handler';
import { CallWebhookHandler } from './call-webhook.action';
import { CreateActivityHandler } from './create-activity.action';
import { SendEmailHandler } from './send-email.action';
import { UpdateFieldHandler } from './update-field.action';
import { WaitHandler } from './wait.action';

/** The handler of each action type. */
@Injectable()
export class ActionHandlers {
  private readonly byType: Record<ActionType, ActionHandler<never>>;

  constructor(email: SendEmailHandler, webhook: CallWebhookHandler, activity: CreateActivityHandler, field: UpdateFieldHandler, wait: WaitHandler) {
    this.byType = { send_email: email, call_webhook: webhook, create_activity: activity, update_field: field, wait };
  }

  for(action: StoredAction): ActionHandler {
    return this.byType[action.type] as ActionHandler;
  }
}

export const ACTION_HANDLER_PROVIDERS = [SendEmailHandler, CallWebhookHandler, CreateActivityHandler, UpdateFieldHandler, WaitHandler, ActionHandlers];
