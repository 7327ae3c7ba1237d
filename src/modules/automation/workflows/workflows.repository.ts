import { Injectable } from '@nestjs/common';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { CommonListFilters, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { Workflow, workflows } from './workflows.schema';

export interface WorkflowFilters extends CommonListFilters {
  triggerEventType?: string;
  enabled?: boolean;
}

/** Company configuration: no record scopes (every holder of the permission sees every workflow). */
const WORKFLOWS: ResourceTableSpec<typeof workflows> = {
  table: workflows,
  sort: { fields: { createdAt: { expression: workflows.createdAt, type: 'timestamp' } }, tieBreaker: workflows.id, defaultSort: '-createdAt' },
  filters: { triggerEventType: workflows.triggerEventType, enabled: workflows.enabled },
};

@Injectable()
export class WorkflowsRepository extends ResourceRepository<typeof workflows, WorkflowFilters> {
  protected readonly spec = WORKFLOWS;

  /** Enabled, live workflows triggered by any of `types` (the trigger subscriber's one query per batch). */
  triggeredBy(types: readonly string[]): Promise<Workflow[]> {
    return this.db
      .select()
      .from(workflows)
      .where(and(inArray(workflows.triggerEventType, [...types]), eq(workflows.enabled, true), isNull(workflows.deletedAt)));
  }
}
