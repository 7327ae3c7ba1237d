import type { FieldError } from '@libs/http';
import { templateProblem } from '../shared/templates';
import type { ConditionDto, WorkflowActionDto } from './workflow.dto';
import type { Condition, JsonScalar, StoredAction, StoredWebhookAction } from './workflow-definition';

export interface DefinitionInput {
  conditions: ConditionDto[];
  actions: WorkflowActionDto[];
}

export interface DefinitionContext {
  /** Encrypts a webhook secret for storage. */
  seal(secret: string): string;
  /** The stored actions being replaced (a webhook to the same URL keeps its secret when none is sent). */
  previous: readonly StoredAction[];
  allowHttpWebhooks: boolean;
}

const isScalar = (value: unknown): value is JsonScalar => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/**
 * The stored form of a workflow's conditions and actions, or every problem with them (422 paths
 * like `actions[1].template.body.de`): per type the fields it needs, templates that parse,
 * condition values that fit their operator. Only the fields of each action's type are kept.
 */
export function storedDefinition(input: DefinitionInput, ctx: DefinitionContext): { conditions: Condition[]; actions: StoredAction[] } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const conditions = input.conditions.map((condition, i) => storedCondition(condition, `conditions[${i}]`, errors));
  const actions = input.actions.map((action, i) => storedAction(action, `actions[${i}]`, ctx, errors));
  return errors.length > 0 ? { errors } : { conditions, actions: actions as StoredAction[] };
}

function storedCondition(condition: ConditionDto, at: string, errors: FieldError[]): Condition {
  const { path, op, value } = condition;
  if (op === 'exists' || op === 'notExists') {
    if (value !== undefined) errors.push({ path: `${at}.value`, message: `${op} takes no value` });
    return { path, op };
  }
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(value) || value.length === 0 || value.length > 100 || !value.every(isScalar)) {
      errors.push({ path: `${at}.value`, message: `${op} needs a list of 1–100 strings, numbers, booleans or nulls` });
    }
  } else if (!isScalar(value) || value === undefined) {
    errors.push({ path: `${at}.value`, message: `${op} needs one string, number, boolean or null` });
  } else if (['gt', 'gte', 'lt', 'lte'].includes(op) && typeof value !== 'number' && typeof value !== 'string') {
    errors.push({ path: `${at}.value`, message: `${op} compares numbers or strings (ISO dates)` });
  } else if (op === 'startsWith' && typeof value !== 'string') {
    errors.push({ path: `${at}.value`, message: 'startsWith needs a string' });
  }
  return { path, op, value };
}

function storedAction(action: WorkflowActionDto, at: string, ctx: DefinitionContext, errors: FieldError[]): StoredAction | undefined {
  const need = (field: keyof WorkflowActionDto) => {
    if (action[field] === undefined || action[field] === null) errors.push({ path: `${at}.${field}`, message: `${action.type} needs ${field}` });
  };
  const template = (path: string, text: string | undefined) => {
    const problem = text === undefined ? undefined : templateProblem(text);
    if (problem) errors.push({ path, message: problem });
  };
  switch (action.type) {
    case 'send_email': {
      need('recipient');
      need('template');
      const { recipient } = action;
      if (recipient?.kind === 'fixed' && !recipient.address) errors.push({ path: `${at}.recipient.address`, message: 'a fixed recipient needs an address' });
      for (const part of ['subject', 'body'] as const) for (const lang of ['de', 'en'] as const) template(`${at}.template.${part}.${lang}`, action.template?.[part]?.[lang]);
      if (!recipient || !action.template) return undefined;
      return {
        type: 'send_email',
        recipient: {
          kind: recipient.kind,
          ...(recipient.path && recipient.kind !== 'fixed' && { path: recipient.path }),
          ...(recipient.kind === 'fixed' && { address: recipient.address, language: recipient.language ?? 'de' }),
        },
        template: { subject: action.template.subject, body: action.template.body },
      };
    }
    case 'call_webhook': {
      need('url');
      if (action.url && !action.url.startsWith('https://') && !(ctx.allowHttpWebhooks && action.url.startsWith('http://'))) {
        errors.push({ path: `${at}.url`, message: 'a webhook URL must use https' });
      }
      const kept = ctx.previous.find((p): p is StoredWebhookAction => p.type === 'call_webhook' && p.url === action.url);
      if (!action.secret && !kept) errors.push({ path: `${at}.secret`, message: 'call_webhook needs a secret (16–200 characters)' });
      if (!action.url || (!action.secret && !kept)) return undefined;
      return { type: 'call_webhook', url: action.url, secretCiphertext: action.secret ? ctx.seal(action.secret) : (kept as StoredWebhookAction).secretCiphertext };
    }
    case 'create_activity': {
      need('activityType');
      need('subjectKind');
      need('subject');
      template(`${at}.subject`, action.subject);
      template(`${at}.body`, action.body);
      if (!action.activityType || !action.subjectKind || !action.subject) return undefined;
      return {
        type: 'create_activity',
        activityType: action.activityType,
        subjectKind: action.subjectKind,
        ...(action.subjectPath && { subjectPath: action.subjectPath }),
        subject: action.subject,
        ...(action.body && { body: action.body }),
        ...(action.ownerId && { ownerId: action.ownerId }),
      };
    }
    case 'update_field': {
      need('entity');
      need('field');
      if ((action.value === undefined) === (action.valuePath === undefined)) {
        errors.push({ path: `${at}.value`, message: 'update_field needs exactly one of value and valuePath' });
      }
      if (action.value !== undefined && !isScalar(action.value)) errors.push({ path: `${at}.value`, message: 'value must be a string, number, boolean or null' });
      if (!action.entity || !action.field) return undefined;
      return {
        type: 'update_field',
        entity: action.entity,
        ...(action.idPath && { idPath: action.idPath }),
        field: action.field,
        ...(action.valuePath !== undefined ? { valuePath: action.valuePath } : { value: action.value ?? null }),
      };
    }
    case 'wait': {
      if ((action.seconds === undefined) === (action.untilPath === undefined)) {
        errors.push({ path: `${at}.seconds`, message: 'wait needs exactly one of seconds and untilPath' });
      }
      if (action.offsetSeconds !== undefined && action.untilPath === undefined) errors.push({ path: `${at}.offsetSeconds`, message: 'offsetSeconds goes with untilPath' });
      return {
        type: 'wait',
        ...(action.seconds !== undefined && { seconds: action.seconds }),
        ...(action.untilPath !== undefined && { untilPath: action.untilPath, offsetSeconds: action.offsetSeconds ?? 0 }),
      };
    }
  }
}
