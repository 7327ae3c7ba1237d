import { createHmac } from 'node:crypto';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ type: 'crm.lead.created', payload: { n: 1 } });
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);
  const timestamp = now / 1000;

  it('is the HMAC-SHA256 of "<timestamp>.<body>" in hex, as a receiver recomputes it', () => {
    const independent = createHmac('sha256', 'whsec_test').update(`${timestamp}.${body}`).digest('hex');
    expect(webhookSignature('whsec_test', timestamp, body)).toBe(`sha256=${independent}`);
  });

  it('verifies a genuine delivery and refuses a changed body, another secret, a stale or missing timestamp', () => {
    const signature = webhookSignature('whsec_test', timestamp, body);
    expect(verifyWebhookSignature('whsec_test', { signature, timestamp: String(timestamp) }, body, now)).toBe(true);
    expect(verifyWebhookSignature('whsec_test', { signature, timestamp: String(timestamp) }, body.replace('1', '2'), now)).toBe(false);
    expect(verifyWebhookSignature('other', { signature, timestamp: String(timestamp) }, body, now)).toBe(false);
    expect(verifyWebhookSignature('whsec_test', { signature, timestamp: String(timestamp) }, body, now + 301_000)).toBe(false);
    expect(verifyWebhookSignature('whsec_test', { signature }, body, now)).toBe(false);
  });
});
