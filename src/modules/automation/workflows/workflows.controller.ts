import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { CreateWorkflowDto, ListWorkflowsQueryDto, TestWorkflowDto, UpdateWorkflowDto, WorkflowPageDto, WorkflowResponseDto, WorkflowTestResultDto } from './workflow.dto';
import { WorkflowTester } from './workflow-test.service';
import { WorkflowsService } from './workflows.service';

@ApiTags('automation')
@Controller('workflows')
export class WorkflowsController {
  constructor(
    private readonly workflows: WorkflowsService,
    private readonly tester: WorkflowTester,
  ) {}

  @Post()
  @Operation({ permission: 'automation.workflows:create', summary: 'Create a workflow (disabled unless `enabled`)', created: WorkflowResponseDto, problems: [422], idempotent: true })
  createWorkflow(@Body() dto: CreateWorkflowDto): Promise<WorkflowResponseDto> {
    return this.workflows.create(dto);
  }

  @Get()
  @Operation({ permission: 'automation.workflows:read', summary: 'List workflows', ok: WorkflowPageDto })
  listWorkflows(@Query() query: ListWorkflowsQueryDto): Promise<Page<WorkflowResponseDto>> {
    return this.workflows.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'automation.workflows:read', summary: 'A workflow (ETag: its version, which runs record)', ok: WorkflowResponseDto, problems: [404] })
  getWorkflow(@UuidParam() id: string): Promise<WorkflowResponseDto> {
    return this.workflows.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'automation.workflows:update', summary: 'Change, enable or disable a workflow (If-Match)', ok: WorkflowResponseDto, problems: [404, 422], ifMatch: 'required' })
  updateWorkflow(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateWorkflowDto): Promise<WorkflowResponseDto> {
    return this.workflows.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'automation.workflows:delete', summary: 'Soft-delete a workflow (If-Match): it starts no more runs', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteWorkflow(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.workflows.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'automation.workflows:delete', summary: 'Restore a soft-deleted workflow', ok: WorkflowResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreWorkflow(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<WorkflowResponseDto> {
    return this.workflows.restore(id, version);
  }

  @Post(':id/test')
  @Operation({
    permission: 'automation.workflows:read',
    summary: 'Test a workflow against a sample event, without side effects',
    description: 'Evaluates the conditions and renders every step (mails, webhook request, activity, field change, wait) as it would run; sends, writes and queues nothing.',
    ok: WorkflowTestResultDto,
    problems: [404],
  })
  testWorkflow(@UuidParam() id: string, @Body() dto: TestWorkflowDto): Promise<WorkflowTestResultDto> {
    return this.tester.test(id, dto);
  }
}
