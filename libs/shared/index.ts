// Entity types of every context: `@libs/shared/types` (type-only; see types.ts).
export * from './localized-text';
export * from './calendar-date';
