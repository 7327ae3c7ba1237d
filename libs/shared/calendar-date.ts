const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day of an instant in Germany (Europe/Berlin) as `YYYY-MM-DD`: the day deadlines,
 * validity dates and reference data count in (UTC in the database, Berlin for dates).
 */
export function berlinDate(at: Date = new Date()): string {
  return BERLIN_DAY.format(at);
}
