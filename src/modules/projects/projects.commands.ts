import { Injectable } from '@nestjs/common';
import { canTransition } from './projects/project.rules';
import type { ProjectStatus } from './projects/projects.schema';
import { ProjectsService } from './projects/projects.service';

export interface ProjectStatusMove {
  changed: boolean;
  from: ProjectStatus;
  to: ProjectStatus;
}

/**
 * The one command other contexts give the Projects context (exported from projects/index.ts):
 * move a project's status when their own work says so — scheduling (survey_planned, surveyed),
 * finance (quoted, contracted), funding (funding_applied). The calling use case has authorized its
 * own action; the move itself goes through project.rules.ts and is audited with the actor.
 */
@Injectable()
export class ProjectsCommands {
  constructor(private readonly projects: ProjectsService) {}

  /**
   * Moves the project to `to` (the same status again changes nothing). A forbidden move throws the
   * 409 PROJECTS_PROJECT_ILLEGAL_TRANSITION — or, with `ifAllowed`, leaves the project as it is
   * and answers `changed: false` (for subscribers reacting to events that may arrive late).
   * Throws 404 for an unknown or deleted project.
   */
  async changeStatus(projectId: string, to: ProjectStatus, options: { reason?: string; ifAllowed?: boolean } = {}): Promise<ProjectStatusMove> {
    return this.projects.steps.transaction(async () => {
      const current = await this.projects.steps.find(projectId, 'all', { forUpdate: true });
      if (options.ifAllowed && current.status !== to && !canTransition(current.status, to)) return { changed: false, from: current.status, to: current.status };
      const moved = await this.projects.moveStatus(projectId, to, options.reason, 'all');
      return { changed: moved.status !== current.status, from: current.status, to: moved.status };
    });
  }
}
