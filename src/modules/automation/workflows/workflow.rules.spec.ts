import { storedDefinition } from './workflow.rules';
import type { WorkflowActionDto } from './workflow.dto';

const ctx = { seal: (s: string) => `sealed(${s})`, previous: [], allowHttpWebhooks: false };
const email = {
  type: 'send_email',
  recipient: { kind: 'lead' },
  template: { subject: { de: 'Hallo', en: 'Hello' }, body: { de: 'Guten Tag {{ recipient.name }}', en: 'Hello {{ recipient.name }}' } },
} as WorkflowActionDto;

describe('storedDefinition', () => {
  it('keeps only the fields of each action type and seals webhook secrets', () => {
    const result = storedDefinition(
      {
        conditions: [{ path: 'payload.snapshot.source', op: 'in', value: ['website_form'] }],
        actions: [
          { ...email, url: 'https://ignored.example' } as WorkflowActionDto,
          { type: 'call_webhook', url: 'https://hooks.example.de/renewa', secret: 'whsec_0123456789abcdef' } as WorkflowActionDto,
          { type: 'wait', untilPath: 'payload.startsAt', offsetSeconds: -172800 } as WorkflowActionDto,
        ],
      },
      ctx,
    );
    expect(result).toEqual({
      conditions: [{ path: 'payload.snapshot.source', op: 'in', value: ['website_form'] }],
      actions: [
        { type: 'send_email', recipient: { kind: 'lead' }, template: email.template },
        { type: 'call_webhook', url: 'https://hooks.example.de/renewa', secretCiphertext: 'sealed(whsec_0123456789abcdef)' },
        { type: 'wait', untilPath: 'payload.startsAt', offsetSeconds: -172800 },
      ],
    });
  });

  it('names every problem with its path', () => {
    const result = storedDefinition(
      {
        conditions: [{ path: 'payload.x', op: 'in', value: 'one' }, { path: 'payload.y', op: 'exists', value: 1 }],
        actions: [
          { type: 'send_email', recipient: { kind: 'fixed' }, template: { subject: { de: '{{ x', en: 'ok' }, body: { de: 'a', en: 'b' } } } as WorkflowActionDto,
          { type: 'call_webhook', url: 'http://hooks.example.de' } as WorkflowActionDto,
          { type: 'update_field', entity: 'lead', field: 'status' } as WorkflowActionDto,
          { type: 'wait' } as WorkflowActionDto,
        ],
      },
      ctx,
    );
    expect('errors' in result && result.errors.map((e) => e.path)).toEqual([
      'conditions[0].value',
      'conditions[1].value',
      'actions[0].recipient.address',
      'actions[0].template.subject.de',
      'actions[1].url',
      'actions[1].secret',
      'actions[2].value',
      'actions[3].seconds',
    ]);
  });

  it('keeps the stored secret of a webhook to the same URL when none is sent', () => {
    const previous = [{ type: 'call_webhook' as const, url: 'https://hooks.example.de/renewa', secretCiphertext: 'v1.old' }];
    const result = storedDefinition({ conditions: [], actions: [{ type: 'call_webhook', url: 'https://hooks.example.de/renewa' } as WorkflowActionDto] }, { ...ctx, previous });
    expect(result).toEqual({ conditions: [], actions: [previous[0]] });
  });
});
