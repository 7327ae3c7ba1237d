import { Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { ListWorkflowRunsQueryDto, WorkflowRunDto, WorkflowRunPageDto } from './workflow-run.dto';
import { WorkflowRunsService } from './workflow-runs.service';

@ApiTags('automation')
@Controller('workflow-runs')
export class WorkflowRunsController {
  constructor(private readonly runs: WorkflowRunsService) {}

  @Get()
  @Operation({ permission: 'automation.runs:read', summary: 'Run history, newest first, with each step’s status, attempts, error and timing', ok: WorkflowRunPageDto })
  listWorkflowRuns(@Query() query: ListWorkflowRunsQueryDto): Promise<Page<WorkflowRunDto>> {
    return this.runs.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'automation.runs:read', summary: 'A workflow run with its steps', ok: WorkflowRunDto, problems: [404] })
  getWorkflowRun(@UuidParam() id: string): Promise<WorkflowRunDto> {
    return this.runs.get(id);
  }

  @Post(':id/retry')
  @Operation({ permission: 'automation.runs:manage', summary: 'Retry a failed run from its failed step', ok: WorkflowRunDto, problems: [404, 409], idempotent: true })
  retryWorkflowRun(@UuidParam() id: string): Promise<WorkflowRunDto> {
    return this.runs.retry(id);
  }

  @Post(':id/cancel')
  @Operation({ permission: 'automation.runs:manage', summary: 'Cancel a running run (steps not begun are cancelled)', ok: WorkflowRunDto, problems: [404, 409], idempotent: true })
  cancelWorkflowRun(@UuidParam() id: string): Promise<WorkflowRunDto> {
    return this.runs.cancel(id);
  }
}
