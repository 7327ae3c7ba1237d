import type { ProjectStatus } from './projects.schema';

/**
 * The project pipeline as data. Forward moves follow the consultancy's work; a few steps may be
 * skipped (a survey without a planned appointment, a quote without an iSFP, execution without a
 * funding application); a planned survey can fall back to `new` (appointment cancelled); any open
 * project can be cancelled (with a reason). `completed` only closes; `closed` and `cancelled` are final.
 */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  new: ['survey_planned', 'surveyed', 'cancelled'],
  survey_planned: ['new', 'surveyed', 'cancelled'],
  surveyed: ['scenarios_presented', 'quoted', 'cancelled'],
  scenarios_presented: ['quoted', 'cancelled'],
  quoted: ['contracted', 'cancelled'],
  contracted: ['funding_applied', 'in_execution', 'cancelled'],
  funding_applied: ['in_execution', 'cancelled'],
  in_execution: ['completed', 'cancelled'],
  completed: ['closed'],
  closed: [],
  cancelled: [],
};

export function canTransition(from: ProjectStatus, to: ProjectStatus): boolean {
  return PROJECT_TRANSITIONS[from].includes(to);
}

/** Open: the work is not done, closed or cancelled (so it can still be cancelled). */
export function isOpen(status: ProjectStatus): boolean {
  return canTransition(status, 'cancelled');
}

export interface ProjectStatusFields {
  status: ProjectStatus;
  statusChangedAt: Date;
  cancellationReason: string | null;
}

export type ProjectStatusChange =
  | { ok: true; changed: false }
  | { ok: true; changed: true; fields: ProjectStatusFields }
  | { ok: false; error: 'illegal_transition'; allowed: readonly ProjectStatus[] }
  | { ok: false; error: 'reason_required' };

/**
 * The status columns a move sets, or why it may not happen. Moving to the current status changes
 * nothing (so callers may repeat a move); `cancelled` needs a reason.
 */
export function planStatusChange(current: ProjectStatus, to: ProjectStatus, reason: string | null | undefined, now: Date): ProjectStatusChange {
  if (to === current) return { ok: true, changed: false };
  if (!canTransition(current, to)) return { ok: false, error: 'illegal_transition', allowed: PROJECT_TRANSITIONS[current] };
  if (to === 'cancelled') {
    const trimmed = reason?.trim();
    if (!trimmed) return { ok: false, error: 'reason_required' };
    return { ok: true, changed: true, fields: { status: to, statusChangedAt: now, cancellationReason: trimmed } };
  }
  return { ok: true, changed: true, fields: { status: to, statusChangedAt: now, cancellationReason: null } };
}

/** `P-2026-00042`: the year and the year's serial, at least five digits. */
export function formatProjectNumber(year: number, serial: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(serial) || serial < 1) throw new RangeError('a project number needs a year and a positive serial');
  return `P-${year}-${String(serial).padStart(5, '0')}`;
}

/** The year a project numbered now belongs to: the calendar year in Germany (Europe/Berlin), not UTC. */
export function numberingYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(now));
}
