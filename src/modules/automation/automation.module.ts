import { Module } from '@nestjs/common';
import { IdempotencyModule } from '@libs/idempotency';
import { AuthModule } from '../auth';
import { CrmModule } from '../crm';
import { EventCatalogueController } from './catalogue/event-catalogue.controller';
import { EventCatalogue } from './catalogue/event-catalogue.service';
import { ACTION_HANDLER_PROVIDERS } from './engine/actions/action-handlers';
import { AutomationJobQueue } from './engine/job-queue';
import { RunStarter } from './engine/run-starter';
import { StepRunner } from './engine/step-runner';
import { StepScheduler } from './engine/step-scheduler';
import { WorkflowTriggerSubscriber } from './engine/workflow-trigger.subscriber';
import { FORM_PROVIDERS, FormsController, PublicFormsController } from './forms';
import { Mailer } from './mail/mailer';
import { OutboundMailsRepository } from './mail/outbound-mails.repository';
import { OutboundMailsService } from './mail/outbound-mails.service';
import { OutboxController } from './mail/outbox.controller';
import { WorkflowRunsController } from './runs/workflow-runs.controller';
import { WorkflowRunsRepository } from './runs/workflow-runs.repository';
import { WorkflowRunsService } from './runs/workflow-runs.service';
import { WorkflowTester } from './workflows/workflow-test.service';
import { WorkflowsController } from './workflows/workflows.controller';
import { WorkflowsRepository } from './workflows/workflows.repository';
import { WorkflowsService } from './workflows/workflows.service';

/**
 * The automation context: workflows triggered by domain events (runs started by the outbox
 * subscriber, steps executed by pg-boss jobs), automated mail, and public forms that create leads.
 * Reads and writes the CRM through CrmQueries/CrmCommands, staff mailboxes through UserDirectory.
 */
@Module({
  imports: [IdempotencyModule, CrmModule, AuthModule],
  controllers: [EventCatalogueController, WorkflowsController, WorkflowRunsController, OutboxController, FormsController, PublicFormsController],
  providers: [
    EventCatalogue,
    WorkflowsRepository,
    WorkflowsService,
    WorkflowTester,
    WorkflowRunsRepository,
    WorkflowRunsService,
    AutomationJobQueue,
    StepScheduler,
    RunStarter,
    StepRunner,
    WorkflowTriggerSubscriber,
    ...ACTION_HANDLER_PROVIDERS,
    OutboundMailsRepository,
    OutboundMailsService,
    Mailer,
    ...FORM_PROVIDERS,
  ],
})
export class AutomationModule {}
