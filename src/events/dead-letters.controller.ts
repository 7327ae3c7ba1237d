import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { DeadLetters } from '@libs/events';
import { ApiProblemResponses } from '@libs/http';
import { PageQueryDto } from '@libs/pagination';
import { DeadLetterPageDto, DeadLetterParamsDto, ReplayedDeliveryDto } from './dead-letter.dto';

/** Event deliveries that exhausted their attempts, and putting one back in the queue. */
@ApiTags('platform')
@Controller('dead-letters')
export class DeadLettersController {
  constructor(private readonly deadLetters: DeadLetters) {}

  @Get()
  @RequirePermission('platform.dead-letters:read')
  @ApiOperation({ summary: 'Dead-lettered event deliveries, most recently failed first' })
  @ApiOkResponse({ type: DeadLetterPageDto })
  @ApiProblemResponses(400)
  listDeadLetters(@Query() query: PageQueryDto): Promise<DeadLetterPageDto> {
    return this.deadLetters.list(query);
  }

  @Post(':eventId/:subscriber/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequirePermission('platform.dead-letters:replay')
  @ApiOperation({ summary: 'Re-queue a dead-lettered delivery with a fresh set of attempts (audited)' })
  @ApiAcceptedResponse({ type: ReplayedDeliveryDto })
  @ApiProblemResponses(400, 404, 409)
  replayDeadLetter(@Param() params: DeadLetterParamsDto): Promise<ReplayedDeliveryDto> {
    return this.deadLetters.replay(params.eventId, params.subscriber);
  }
}
