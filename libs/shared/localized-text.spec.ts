import { validate } from 'class-validator';
import { IsLocalizedText, isLocalizedText } from './localized-text';

class NamedThing {
  @IsLocalizedText()
  name: unknown;
}

async function errorsFor(name: unknown) {
  const thing = new NamedThing();
  thing.name = name;
  return validate(thing);
}

describe('LocalizedText validation', () => {
  it('accepts both languages with non-empty text', async () => {
    expect(await errorsFor({ de: 'Dach', en: 'Roof' })).toHaveLength(0);
  });

  it.each([
    ['a missing language', { de: 'Dach' }],
    ['an empty language', { de: 'Dach', en: '' }],
    ['a blank language', { de: '   ', en: 'Roof' }],
    ['an extra language', { de: 'Dach', en: 'Roof', fr: 'Toit' }],
    ['a non-string value', { de: 'Dach', en: 42 }],
    ['a plain string', 'Dach'],
    ['an array', ['Dach', 'Roof']],
    ['null', null],
  ])('rejects %s', async (_case, value) => {
    const errors = await errorsFor(value);
    expect(errors).toHaveLength(1);
    expect(errors[0].constraints?.isLocalizedText).toMatch(/exactly the non-empty string keys de, en/);
  });

  it('enforces the maximum length per language', () => {
    expect(isLocalizedText({ de: 'x'.repeat(11), en: 'y' }, 10)).toBe(false);
    expect(isLocalizedText({ de: 'x'.repeat(10), en: 'y' }, 10)).toBe(true);
  });
});
