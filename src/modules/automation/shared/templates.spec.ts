import { renderTemplate, templateProblem } from './templates';

describe('templates', () => {
  it('renders event and recipient data as plain text', async () => {
    const text = await renderTemplate('Guten Tag {{ recipient.name }}, Ihre Anfrage {{ event.payload.snapshot.message | truncate: 10 }} & mehr', {
      recipient: { name: 'Anna <Schmidt>' },
      event: { payload: { snapshot: { message: 'Wärmepumpe für Altbau' } } },
    });
    expect(text).toBe('Guten Tag Anna <Schmidt>, Ihre Anfrage Wärmepu... & mehr');
  });

  it('renders unknown variables as empty text and reads no prototype members', async () => {
    expect(await renderTemplate('[{{ nothing.here }}][{{ recipient.constructor }}]', { recipient: {} })).toBe('[][]');
  });

  it('refuses syntax errors and unknown filters when saved', () => {
    expect(templateProblem('Hallo {{ recipient.name }}')).toBeUndefined();
    expect(templateProblem('Hallo {{ recipient.name ')).toMatch(/^template syntax:/);
    expect(templateProblem('{{ recipient.name | exec }}')).toMatch(/^template syntax:.*exec/);
    expect(templateProblem('{% if x %}')).toMatch(/^template syntax:/);
  });
});
