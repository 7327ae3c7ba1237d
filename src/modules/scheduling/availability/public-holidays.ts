import Holidays from 'date-holidays';

const cache = new Map<string, Set<string>>();

/**
 * Whether `date` (YYYY-MM-DD) is a public holiday in the German federal state `state` (statutory
 * holidays only, type `public`). Data: the `date-holidays` package (CC-BY-3.0, see docs/scheduling.md).
 * One set per state and year is computed once and kept.
 */
export function isPublicHoliday(state: string, date: string): boolean {
  const year = Number(date.slice(0, 4));
  const key = `${state}:${year}`;
  let dates = cache.get(key);
  if (!dates) {
    const holidays = new Holidays('DE', state);
    dates = new Set((holidays.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    cache.set(key, dates);
  }
  return dates.has(date);
}
