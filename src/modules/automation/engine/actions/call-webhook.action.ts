import { Injectable } from '@nestjs/common';
import type { Dispatcher } from 'undici';
import { AppConfig, InjectAppConfig } from '@libs/config';
import { SecretBox } from '../../shared/secret-box';
import type { StoredWebhookAction } from '../../workflows/workflow-definition';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from '../webhook-signature';
import { ActionHandler, ActionOutcome, PermanentActionError, StepContext } from './action-handler';
import { assertPublicLiteralHost, NonPublicAddressError, publicOnlyDispatcher } from './webhook-address-guard';

export const WEBHOOK_SECRET_PURPOSE = 'webhook-secrets';
const MAX_ERROR_BODY = 300;

/**
 * HTTPS POST of the event to the workflow's URL, signed with its secret (HMAC-SHA256 over
 * "<timestamp>.<body>"), with the step's `Idempotency-Key`, a timeout and no redirects. Anything
 * but 2xx is a failure the step retries. Hosts on loopback, private or link-local networks are
 * refused for good unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set.
 */
@Injectable()
export class CallWebhookHandler implements ActionHandler<StoredWebhookAction> {
  readonly mode = 'external';
  private readonly secrets: SecretBox;
  /** Public addresses only, unless WEBHOOK_ALLOW_PRIVATE_NETWORKS; created with the first webhook call. */
  private dispatcher: Dispatcher | undefined;
  private readonly publicOnly: boolean;

  constructor(@InjectAppConfig() private readonly config: AppConfig) {
    this.secrets = new SecretBox(config.automation.secretKey, WEBHOOK_SECRET_PURPOSE);
    this.publicOnly = !config.automation.webhookAllowPrivateNetworks;
  }

  async preview(action: StoredWebhookAction, ctx: StepContext): Promise<ActionOutcome> {
    return { url: action.url, body: webhookBody(ctx), headers: { 'Idempotency-Key': ctx.idempotencyKey, [SIGNATURE_HEADER]: 'sha256=…' } };
  }

  async execute(action: StoredWebhookAction, ctx: StepContext): Promise<ActionOutcome> {
    let secret: string;
    try {
      secret = this.secrets.open(action.secretCiphertext);
    } catch {
      throw new PermanentActionError('the webhook secret cannot be decrypted (was AUTOMATION_SECRET_KEY changed?); save the workflow with its secret again');
    }
    const body = JSON.stringify(webhookBody(ctx));
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      if (this.publicOnly) assertPublicLiteralHost(new URL(action.url));
      return await this.post(action.url, ctx, secret, timestamp, body);
    } catch (error) {
      const refused = error instanceof NonPublicAddressError ? error : (error as { cause?: unknown }).cause;
      if (refused instanceof NonPublicAddressError) throw new PermanentActionError(refused.message);
      throw error;
    }
  }

  private async post(url: string, ctx: StepContext, secret: string, timestamp: number, body: string): Promise<ActionOutcome> {
    // undici (~0.7 MB) is loaded with the first webhook, not at boot (bench/boot).
    const { fetch } = require('undici') as typeof import('undici');
    if (this.publicOnly) this.dispatcher ??= publicOnlyDispatcher();
    const response = await fetch(url, {
      dispatcher: this.dispatcher,
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(this.config.automation.webhookTimeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'renewa-automation',
        'idempotency-key': ctx.idempotencyKey,
        'x-renewa-event': ctx.event.type,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: webhookSignature(secret, timestamp, body),
      },
      body,
    });
    const text = (await response.text()).slice(0, MAX_ERROR_BODY);
    if (!response.ok) throw new Error(`the webhook answered ${response.status}${text ? `: ${text}` : ''}`);
    return { url, status: response.status };
  }
}

/** What the receiver gets: the event and which run delivered it. */
function webhookBody(ctx: StepContext): Record<string, unknown> {
  const { event } = ctx;
  return {
    id: event.id,
    type: event.type,
    aggregateType: event.aggregateType,
    aggregateId: event.aggregateId,
    occurredAt: event.occurredAt,
    payload: event.payload,
    workflowId: ctx.workflowId,
    runId: ctx.runId,
  };
}
