import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '@libs/config';
import { SecretBox } from '../../shared/secret-box';
import type { StoredWebhookAction } from '../../workflows/workflow-definition';
import { PermanentActionError, type StepContext } from './action-handler';
import { CallWebhookHandler, WEBHOOK_SECRET_PURPOSE } from './call-webhook.action';
import { isPublicAddress } from './webhook-address-guard';

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '2a00:1450:4001:82a::200e', '::ffff:8.8.4.4'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-ip',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});

describe('CallWebhookHandler address guard', () => {
  const secretKey = 'k'.repeat(32);
  let server: Server;
  let port: number;
  let received: number;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      received += 1;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => { received = 0; });

  function handler(allowPrivate: boolean): CallWebhookHandler {
    const config = { automation: { secretKey, webhookTimeoutMs: 2000, webhookAllowPrivateNetworks: allowPrivate } } as unknown as AppConfig;
    return new CallWebhookHandler(config);
  }
  function action(url: string): StoredWebhookAction {
    const secretCiphertext = new SecretBox(secretKey, WEBHOOK_SECRET_PURPOSE).seal('receiver-secret');
    return { type: 'call_webhook', url, secretCiphertext } as StoredWebhookAction;
  }
  const ctx: StepContext = {
    event: { id: 'e1', type: 'crm.lead.created', aggregateType: 'lead', aggregateId: 'a1', actorId: null, occurredAt: '2026-12-01T10:00:00Z', payload: {} },
    workflowId: 'w1', runId: 'r1', position: 0, idempotencyKey: 'k1',
  };

  it('refuses an IP literal on loopback for good, and nothing reaches it', async () => {
    await expect(handler(false).execute(action(`http://127.0.0.1:${port}/hook`), ctx)).rejects.toThrow(PermanentActionError);
    expect(received).toBe(0);
  });

  it('refuses a host name that resolves to loopback when connecting', async () => {
    await expect(handler(false).execute(action(`http://localhost:${port}/hook`), ctx)).rejects.toThrow(/not a public internet address/);
    expect(received).toBe(0);
  });

  it('delivers to a private address when WEBHOOK_ALLOW_PRIVATE_NETWORKS is set', async () => {
    await expect(handler(true).execute(action(`http://127.0.0.1:${port}/hook`), ctx)).resolves.toEqual({ url: `http://127.0.0.1:${port}/hook`, status: 200 });
    expect(received).toBe(1);
  });
});
