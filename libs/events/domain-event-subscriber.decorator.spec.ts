import { DomainEventSubscriber, subscriptionMatches } from './domain-event-subscriber.decorator';

describe('subscriptionMatches', () => {
  it.each([
    ['*', 'auth.user.created', true],
    ['auth.*', 'auth.user.created', true],
    ['auth.*', 'authz.user.created', false],
    ['auth.user.created', 'auth.user.created', true],
    ['auth.user.created', 'auth.user.updated', false],
  ])('%s covers %s: %s', (pattern, type, expected) => {
    expect(subscriptionMatches(pattern, type)).toBe(expected);
  });
});

describe('@DomainEventSubscriber', () => {
  it('rejects names and types that cannot be stored or matched', () => {
    expect(() => DomainEventSubscriber({ name: 'Audit', types: ['*'] })).toThrow(/<ctx>.<purpose>/);
    expect(() => DomainEventSubscriber({ name: 'audit.log', types: [] })).toThrow(/no event types/);
    expect(() => DomainEventSubscriber({ name: 'audit.log', types: ['auth.user'] })).toThrow(/not an event type/);
    expect(() => DomainEventSubscriber({ name: 'audit.log', types: ['auth.*.created'] })).toThrow(/not an event type/);
    expect(() => DomainEventSubscriber({ name: 'audit.log', types: ['*', 'auth.*', 'auth.user.created'] })).not.toThrow();
  });
});
