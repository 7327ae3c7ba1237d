import { Injectable } from '@nestjs/common';
import { currentGrant, currentScope } from '@libs/auth';
import { AppError } from '@libs/http';
import { decodeCursor, encodeCursor, INVALID_CURSOR, Page } from '@libs/pagination';
import { AuditEntry, AuditLogReader } from '../../audit';
import { ProjectsService } from '../projects/projects.service';
import { ProjectTimelineItemDto, ProjectTimelineQueryDto } from './project-timeline.dto';
import { ProjectTimelineRepository, TimelineEntityType } from './project-timeline.repository';

/** Which read permission shows the changes of each kind of thing in a project. */
const PERMISSION_OF: Readonly<Record<TimelineEntityType, string>> = {
  building: 'projects.buildings:read',
  building_component: 'projects.buildings:read',
  building_system: 'projects.buildings:read',
  scenario: 'projects.scenarios:read',
  measure: 'projects.scenarios:read',
};

/**
 * `GET /projects/{id}/timeline`: the recorded changes (audit log, through the audit context's
 * AuditLogReader) of the project and of its buildings, components, plant, scenarios and measures —
 * deleted ones included —, newest first by (occurredAt, id), keyset-paginated across all of them.
 * Needs read access to the project; the changes of buildings or scenarios appear only to readers
 * whose buildings/scenarios permission covers this project.
 */
@Injectable()
export class ProjectTimelineService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly repository: ProjectTimelineRepository,
    private readonly auditLog: AuditLogReader,
  ) {}

  async timeline(projectId: string, query: ProjectTimelineQueryDto): Promise<Page<ProjectTimelineItemDto>> {
    await this.projects.steps.find(projectId, currentScope('projects.projects:read'));
    const bound = query.cursor ? parseCursor(query.cursor) : undefined;
    const byType = new Map<string, string[]>([['project', [projectId]]]);
    const readable = await this.readableKinds(projectId);
    for (const { type, id } of await this.repository.entityIds(projectId)) {
      if (readable.has(PERMISSION_OF[type])) byType.set(type, [...(byType.get(type) ?? []), id]);
    }
    const entries: AuditEntry[] = [];
    for (const [type, ids] of byType) entries.push(...(await this.auditLog.entries(type, ids, bound, query.limit + 1)));
    entries.sort((a, b) => (a.occurredAt === b.occurredAt ? (a.id < b.id ? 1 : -1) : a.occurredAt < b.occurredAt ? 1 : -1));
    const items = entries.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ occurredAt, ...entry }) => ({ ...entry, occurredAt: new Date(occurredAt) })),
      nextCursor: entries.length > query.limit ? encodeCursor([last.occurredAt, last.id]) : null,
    };
  }

  /** The child read permissions whose scope covers this project. */
  private async readableKinds(projectId: string): Promise<Set<string>> {
    const readable = new Set<string>();
    for (const permission of new Set(Object.values(PERMISSION_OF))) {
      const scope = currentGrant(permission);
      if (scope && (await this.projects.repository.findById(projectId, scope))) readable.add(permission);
    }
    return readable;
  }
}

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseCursor(cursor: string): { occurredAt: string; id: string } {
  const [occurredAt, id] = decodeCursor(cursor, ['string', 'string'] as const);
  if (!ISO_MICROS.test(occurredAt) || !UUID.test(id)) throw AppError.badRequest(INVALID_CURSOR, 'The cursor belongs to another list; start again without it.');
  return { occurredAt, id };
}
