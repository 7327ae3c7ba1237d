import { IsCalendarDate } from '../shared/finance-validators';

export class DatevExportQueryDto {
  /** First day of the booking period (inside one fiscal year; at most 366 days). */
  @IsCalendarDate('2026-11-01')
  from: string;

  /** Last day of the booking period. */
  @IsCalendarDate('2026-11-30')
  to: string;
}
