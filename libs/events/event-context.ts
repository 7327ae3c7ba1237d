import { ClsServiceManager } from 'nestjs-cls';

const CAUSATION_ID_KEY = 'eventCausationId';

/** The event being delivered in this async context: events appended by its subscriber name it as their cause. */
export function currentCausationId(): string | null {
  const cls = ClsServiceManager.getClsService();
  return cls.isActive() ? ((cls.get(CAUSATION_ID_KEY) as string | undefined) ?? null) : null;
}

export function setCausationId(eventId: string): void {
  ClsServiceManager.getClsService().set(CAUSATION_ID_KEY, eventId);
}
