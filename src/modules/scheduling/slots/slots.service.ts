import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { currentActorId } from '@libs/context';
import { KindSettingsRepository } from '../appointments/kind-settings.repository';
import { isPublicHoliday } from '../availability/public-holidays';
import { SchedulingErrors } from '../scheduling.errors';
import { distanceKm, freeSlots, ZONE } from './availability.rules';
import { AvailabilityCalendars } from './availability-calendars.service';
import { PostcodeRegionsRepository } from './postcode-regions.repository';
import { FindSlotsQueryDto, MAX_SLOT_SPAN_DAYS, SlotDto, SlotListDto } from './slot.dto';

/**
 * Free-slot search. Bounded before any work: at most 31 local days, 20 consultants, a duration
 * of 15–600 minutes in quarter hours; the rules then run in days × consultants × quarter hours.
 */
@Injectable()
export class SlotsService {
  constructor(
    private readonly calendars: AvailabilityCalendars,
    private readonly kinds: KindSettingsRepository,
    private readonly postcodes: PostcodeRegionsRepository,
  ) {}

  async find(query: FindSlotsQueryDto): Promise<SlotListDto> {
    const from = DateTime.fromISO(query.from, { zone: ZONE });
    const to = DateTime.fromISO(query.to, { zone: ZONE });
    const errors = [];
    if (!from.isValid) errors.push({ path: 'from', message: 'from is not a valid date' });
    if (!to.isValid) errors.push({ path: 'to', message: 'to is not a valid date' });
    else if (from.isValid && (to < from || to.diff(from, 'days').days > MAX_SLOT_SPAN_DAYS - 1)) {
      errors.push({ path: 'to', message: `to is on or after from, at most ${MAX_SLOT_SPAN_DAYS} days in all` });
    }
    if (from.isValid && (from.year < 2000 || from.year > 2100)) errors.push({ path: 'from', message: 'from lies between the years 2000 and 2100' });
    if (query.duration % 15 !== 0) errors.push({ path: 'duration', message: 'duration is a multiple of 15 minutes' });
    if (errors.length) throw SchedulingErrors.invalid(errors);
    const kind = await this.kinds.validOn(query.kind ?? 'on_site_visit', query.from);
    const before = kind?.bufferBeforeMinutes ?? 0;
    const after = kind?.bufferAfterMinutes ?? 0;
    const consultantIds = query.consultantIds?.length ? query.consultantIds : [currentActorId() as string];
    const rangeStart = from.minus({ days: 1 }).toJSDate();
    const rangeEnd = to.plus({ days: 2 }).toJSDate();
    const calendars = await this.calendars.of(consultantIds, rangeStart, rangeEnd);
    const slots = freeSlots(
      calendars,
      { fromDate: query.from, toDate: query.to, durationMinutes: query.duration, bufferBeforeMinutes: before, bufferAfterMinutes: after, now: Date.now() },
      isPublicHoliday,
    );
    const limit = query.limit ?? 50;
    const nearby = query.near ? await this.nearbyDays(query.near, calendars) : new Map<string, number>();
    const ranked: SlotDto[] = slots.map((slot) => ({
      consultantId: slot.consultantId,
      startsAt: new Date(slot.start),
      endsAt: new Date(slot.end),
      distanceKm: nearby.get(`${slot.consultantId}|${berlinDate(slot.start)}`) ?? null,
    }));
    if (query.near) ranked.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || a.startsAt.getTime() - b.startsAt.getTime());
    return { items: ranked.slice(0, limit), truncated: ranked.length > limit, bufferBeforeMinutes: before, bufferAfterMinutes: after };
  }

  /** Per consultant and local date: the distance (km) from `near` to the closest appointment they already have there. */
  private async nearbyDays(near: string, calendars: Awaited<ReturnType<AvailabilityCalendars['of']>>): Promise<Map<string, number>> {
    const prefixes = new Set([near.slice(0, 2)]);
    for (const calendar of calendars) for (const busy of calendar.busy) if (busy.postalCode) prefixes.add(busy.postalCode.slice(0, 2));
    const centroids = await this.postcodes.centroids([...prefixes]);
    const origin = centroids.get(near.slice(0, 2));
    const result = new Map<string, number>();
    if (!origin) return result;
    for (const calendar of calendars) {
      for (const busy of calendar.busy) {
        const target = busy.postalCode && centroids.get(busy.postalCode.slice(0, 2));
        if (!target) continue;
        const key = `${calendar.consultantId}|${berlinDate(busy.start)}`;
        const km = Math.round(distanceKm(origin, target) * 10) / 10;
        result.set(key, Math.min(result.get(key) ?? Infinity, km));
      }
    }
    return result;
  }
}

function berlinDate(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: ZONE }).toISODate()!;
}
