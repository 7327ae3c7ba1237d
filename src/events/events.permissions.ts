import { definePermissions } from '@libs/auth';

/** Platform operations on the event outbox; registered in src/permissions.catalogue.ts. */
export const platformPermissions = definePermissions('platform', {
  'platform.dead-letters:read': { de: 'Unzustellbare Ereignisse ansehen', en: 'View dead-lettered event deliveries' },
  'platform.dead-letters:replay': { de: 'Unzustellbare Ereignisse erneut zustellen', en: 'Replay dead-lettered event deliveries' },
});
