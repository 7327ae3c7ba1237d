import { SecretProperty } from '@libs/http';

export class CalendarFeedResponseDto {
  /** Shown once; a new feed replaces the old one. Subscribe to `/api/v1/public/calendar-feeds/{feedToken}`. */
  @SecretProperty()
  feedToken: string;
  /** The path to subscribe to (relative to the API's origin). */
  @SecretProperty()
  path: string;
}
