import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@libs/http';
import { LivenessDto, ReadinessDto } from './health.dto';
import { HealthService } from './health.service';

/** Probes for the platform; served at /health/*, outside the /api/v1 prefix (see app.factory.ts). */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process serves HTTP' })
  @ApiOkResponse({ type: LivenessDto, description: 'The process is up' })
  getLiveness(): LivenessDto {
    return this.health.getLiveness();
  }

  @Get('ready')
  @ApiOperation({ operationId: 'getReadiness', summary: 'Readiness: the database answers' })
  @ApiOkResponse({ type: ReadinessDto, description: 'Ready to serve: the database answers' })
  @ApiProblemResponses(503) // the database does not answer within READINESS_DB_TIMEOUT_MS
  getReadiness(): Promise<ReadinessDto> {
    return this.health.getReadiness();
  }
}
