import type { LeadLostReason, LeadStatus } from './leads.schema';

/**
 * The lead pipeline as data: new → contacted → qualified → converted | lost. Steps may be skipped
 * forwards (a referral can arrive qualified), a lost lead can be reopened as new, converted is
 * final. `converted` is only reached through the convert use case (it creates the contact).
 */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['contacted', 'qualified', 'lost'],
  contacted: ['qualified', 'lost'],
  qualified: ['converted', 'lost'],
  lost: ['new'],
  converted: [],
};

export function canTransition(from: LeadStatus, to: LeadStatus): boolean {
  return LEAD_TRANSITIONS[from].includes(to);
}

export interface LeadStatusFields {
  status: LeadStatus;
  statusChangedAt: Date;
  lostReason: LeadLostReason | null;
  lostNote: string | null;
}

export interface StatusChangeRequest {
  status?: LeadStatus;
  lostReason?: LeadLostReason | null;
  lostNote?: string | null;
}

export type StatusChangeResult =
  | { ok: true; fields: Partial<LeadStatusFields> }
  | { ok: false; error: 'illegal_transition'; allowed: readonly LeadStatus[] }
  | { ok: false; error: 'convert_via_endpoint' }
  | { ok: false; error: 'lost_reason_required' };

/**
 * The status columns a PATCH changes, or why it may not. Same status → nothing changes (lost
 * reason and note can still be edited while lost). Entering `lost` needs a reason; leaving it
 * clears reason and note.
 */
export function planStatusChange(current: Pick<LeadStatusFields, 'status' | 'lostReason'>, request: StatusChangeRequest, now: Date): StatusChangeResult {
  const target = request.status ?? current.status;
  if (target === current.status) {
    if (target !== 'lost') return { ok: true, fields: {} };
    const reason = request.lostReason === undefined ? current.lostReason : request.lostReason;
    if (!reason) return { ok: false, error: 'lost_reason_required' };
    return { ok: true, fields: pick({ lostReason: request.lostReason ?? undefined, lostNote: request.lostNote }) };
  }
  if (target === 'converted') return canTransition(current.status, 'converted') ? { ok: false, error: 'convert_via_endpoint' } : illegal(current.status);
  if (!canTransition(current.status, target)) return illegal(current.status);
  if (target === 'lost') {
    if (!request.lostReason) return { ok: false, error: 'lost_reason_required' };
    return { ok: true, fields: { status: 'lost', statusChangedAt: now, lostReason: request.lostReason, lostNote: request.lostNote ?? null } };
  }
  return { ok: true, fields: { status: target, statusChangedAt: now, lostReason: null, lostNote: null } };
}

/** The status of a newly created lead: `new`, or `lost` with its reason (e.g. imported history). */
export function initialStatus(request: StatusChangeRequest): StatusChangeResult {
  const status = request.status ?? 'new';
  if (status === 'converted') return { ok: false, error: 'convert_via_endpoint' };
  if (status === 'lost' && !request.lostReason) return { ok: false, error: 'lost_reason_required' };
  return {
    ok: true,
    fields: { status, lostReason: status === 'lost' ? (request.lostReason ?? null) : null, lostNote: status === 'lost' ? (request.lostNote ?? null) : null },
  };
}

/** Only qualified leads are converted (the pipeline's last step before converted). */
export function isConvertible(status: LeadStatus): boolean {
  return canTransition(status, 'converted');
}

function illegal(from: LeadStatus): StatusChangeResult {
  return { ok: false, error: 'illegal_transition', allowed: LEAD_TRANSITIONS[from].filter((s) => s !== 'converted') };
}

function pick<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
