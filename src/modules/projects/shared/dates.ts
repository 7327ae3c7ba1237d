/** The calendar day of `now` in Germany (Europe/Berlin) as YYYY-MM-DD: the day reference data is valid on. */
export function berlinDate(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
