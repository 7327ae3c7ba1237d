const SECRET_PROPERTIES = 'renewa:secret-properties';

/**
 * Marks a response DTO property that carries a secret (a one-time password, a token): shown to
 * its caller once, never to be stored or replayed. `@Idempotent()` routes are refused at boot when
 * their documented response has one (the idempotency table would keep the body in clear and hand
 * it to whoever retries with the key).
 */
export function SecretProperty(): PropertyDecorator {
  return (target, property) => {
    const ctor = target.constructor;
    const own = (Reflect.getOwnMetadata(SECRET_PROPERTIES, ctor) as string[] | undefined) ?? [];
    Reflect.defineMetadata(SECRET_PROPERTIES, [...own, String(property)], ctor);
  };
}

/** The `@SecretProperty()` names of a class, its own and inherited ones. */
export function secretPropertiesOf(type: Function): string[] {
  const names: string[] = [];
  for (let current: unknown = type; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    names.push(...((Reflect.getOwnMetadata(SECRET_PROPERTIES, current) as string[] | undefined) ?? []));
  }
  return [...new Set(names)];
}
