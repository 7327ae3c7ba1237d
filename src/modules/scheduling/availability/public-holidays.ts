import type HolidaysClass from 'date-holidays';

const cache = new Map<string, Set<string>>();
/** Loaded on first use: the package with its time-zone and astronomy data is ~1.7 MB of code (bench/boot). */
let Holidays: typeof HolidaysClass | undefined;

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
    Holidays ??= require('date-holidays') as typeof HolidaysClass;
    const holidays = new Holidays('DE', state);
    dates = new Set((holidays.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    cache.set(key, dates);
  }
  return dates.has(date);
}
