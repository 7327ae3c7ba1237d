/**
 * The lead times (minutes before the start) whose moment has come: start − lead ≤ now < start.
 * A late run still sends a reminder that is due (as long as the appointment has not begun).
 */
export function dueLeadTimes(startsAt: Date, leadMinutes: readonly number[], now: Date): number[] {
  const start = startsAt.getTime();
  if (start <= now.getTime()) return [];
  return leadMinutes.filter((lead) => start - lead * 60_000 <= now.getTime());
}
