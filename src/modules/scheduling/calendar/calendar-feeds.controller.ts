import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Operation } from '@libs/resource';
import { CalendarFeedResponseDto } from './calendar.dto';
import { AppointmentIcs } from './appointment-ics.service';

const FEED_TOKEN_PARAM = { name: 'feedToken', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$', maxLength: 43, example: 'Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm8' } } as const;

@ApiTags('scheduling')
@Controller('calendar-feed')
export class CalendarFeedController {
  constructor(private readonly ics: AppointmentIcs) {}

  @Post()
  @Operation({
    permission: 'scheduling.appointments:read',
    summary: 'Create (or replace) your private calendar feed URL',
    description: 'The feed lists your appointments of the last 30 and next 365 days. Not idempotent: the answer carries a secret; a new one revokes the old.',
    created: CalendarFeedResponseDto,
  })
  createCalendarFeed(): Promise<CalendarFeedResponseDto> {
    return this.ics.newFeed();
  }
}

@ApiTags('scheduling')
@Controller('public/calendar-feeds')
export class PublicCalendarFeedsController {
  constructor(private readonly ics: AppointmentIcs) {}

  @Get(':feedToken')
  @ApiParam(FEED_TOKEN_PARAM)
  @Operation({ permission: 'public', summary: 'A private calendar feed (iCalendar)', file: true, problems: [404, 429] })
  async getCalendarFeed(@Param('feedToken') token: string, @Res() reply: FastifyReply): Promise<void> {
    const file = await this.ics.feed(token);
    await reply.code(200).header('Content-Type', 'text/calendar; charset=utf-8').header('Content-Disposition', `inline; filename="${file.name}"`).header('ETag', `"${file.etag}"`).send(file.body);
  }
}
