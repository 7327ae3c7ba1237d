import { preferredLocale } from './auth.guard';

describe('preferredLocale', () => {
  it.each([
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, locale) => expect(preferredLocale(header)).toBe(locale));
});
