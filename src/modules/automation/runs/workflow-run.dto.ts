import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalUuid } from '@libs/http';
import { PageQueryDto, ToArray } from '@libs/pagination';
import { ACTION_TYPES, ActionType } from '../workflows/workflow-definition';
import { workflowRunStatus, WorkflowRunStatus, workflowStepStatus, WorkflowStepStatus } from './workflow-runs.schema';

export class ListWorkflowRunsQueryDto extends PageQueryDto {
  @OptionalUuid()
  workflowId?: string;

  @ApiPropertyOptional({ enum: workflowRunStatus.enumValues, isArray: true })
  @IsOptional()
  @ToArray()
  @IsIn(workflowRunStatus.enumValues, { each: true })
  status?: WorkflowRunStatus[];

  /** The runs one event started. */
  @OptionalUuid()
  eventId?: string;
}

export class WorkflowRunStepDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: 'integer' })
  position: number;
  @ApiProperty({ enum: ACTION_TYPES })
  type: ActionType;
  /** queued: a job waits (`runAfter`); failed: a permanent error; dead: the retries are spent. */
  @ApiProperty({ enum: workflowStepStatus.enumValues })
  status: WorkflowStepStatus;
  @ApiProperty({ type: 'integer' })
  attempts: number;
  /** The key its mail or webhook carries, the same on every attempt. */
  idempotencyKey: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  runAfter: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  startedAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  finishedAt: Date | null;
  lastError: string | null;
  /** What the step did (mail id and transport, webhook status, activity id, …). */
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  result: Record<string, unknown> | null;
}

export class WorkflowRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  workflowId: string;
  /** The version of the workflow the run executes (its actions were copied when it started). */
  @ApiProperty({ type: 'integer' })
  workflowVersion: number;
  @ApiProperty({ format: 'uuid' })
  eventId: string;
  eventType: string;
  @ApiProperty({ enum: workflowRunStatus.enumValues })
  status: WorkflowRunStatus;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  finishedAt: Date | null;
  @ApiProperty({ type: [WorkflowRunStepDto] })
  steps: WorkflowRunStepDto[];
}

export class WorkflowRunPageDto {
  @ApiProperty({ type: [WorkflowRunDto] })
  items: WorkflowRunDto[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
