import { Injectable } from '@nestjs/common';
import { currentScope } from '@libs/auth';
import { AppError } from '@libs/http';
import { keysetPage, keysetQuery, Page } from '@libs/pagination';
import { ListSnapshotsQueryDto, ScenarioDetailDto, ScenarioSnapshotResponseDto, SnapshotSummaryDto } from './scenario-view.dto';
import { snapshotSummary } from './scenario-view.service';
import { SNAPSHOT_SORT, SnapshotsRepository } from './snapshots.repository';

/** Reads of presented scenarios' snapshots, within the projects' scope (projects.scenarios:read). */
@Injectable()
export class SnapshotsService {
  constructor(private readonly snapshots: SnapshotsRepository) {}

  async list(query: ListSnapshotsQueryDto): Promise<Page<SnapshotSummaryDto>> {
    const keyset = keysetQuery(SNAPSHOT_SORT, { limit: query.limit, cursor: query.cursor });
    const rows = await this.snapshots.list(query, currentScope('projects.scenarios:read'), keyset);
    return keysetPage(rows, keyset, snapshotSummary);
  }

  async get(id: string): Promise<ScenarioSnapshotResponseDto> {
    const snapshot = await this.snapshots.findById(id, currentScope('projects.scenarios:read'));
    if (!snapshot) throw AppError.notFound('PROJECTS_SNAPSHOT_NOT_FOUND', `The scenario snapshot ${id} does not exist or is not visible to you.`);
    return { ...snapshotSummary(snapshot), content: snapshot.content as unknown as ScenarioDetailDto };
  }
}
