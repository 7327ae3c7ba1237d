import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { ListSnapshotsQueryDto, ScenarioSnapshotPageDto, ScenarioSnapshotResponseDto, SnapshotSummaryDto } from './scenario-view.dto';
import { SnapshotsService } from './snapshots.service';

/** The immutable snapshots presenting made (read-only). */
@ApiTags('projects')
@Controller('scenario-snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Get()
  @Operation({ permission: 'projects.scenarios:read', summary: 'List snapshots of presented scenarios (without content), newest first', ok: ScenarioSnapshotPageDto })
  listScenarioSnapshots(@Query() query: ListSnapshotsQueryDto): Promise<Page<SnapshotSummaryDto>> {
    return this.snapshots.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'projects.scenarios:read', summary: 'A snapshot of a presented scenario with its content and content hash', ok: ScenarioSnapshotResponseDto, problems: [404] })
  getScenarioSnapshot(@UuidParam() id: string): Promise<ScenarioSnapshotResponseDto> {
    return this.snapshots.get(id);
  }
}
