import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { CheckTime, ScheduledCheck, ScheduledCheckHandler } from '@libs/scheduled-checks';
import { ProjectsQueries } from '../../projects';
import { FINANCE_EVENTS } from '../finance.events';
import { finalInvoiceDeadline, finalInvoiceNoticeCutoff } from '../invoices/invoice.rules';
import { InvoicesRepository } from '../invoices/invoices.repository';
import { FinanceNoticesRepository } from './finance-notices.repository';

const BATCH = 200;

/**
 * Daily: §14(2) UStG wants the invoice for a property-related service to a private person within
 * six months of the service. A project completed five months ago (or longer) that is still
 * completed or closed, has no company as customer and no finalised final invoice is announced once
 * (`finance.invoice.final_invoice_due`, aggregate id: the project).
 */
@Injectable()
@ScheduledCheck({ name: 'finance.final-invoice-due', everyMinutes: 1440 })
export class FinalInvoiceDueCheck implements ScheduledCheckHandler {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly notices: FinanceNoticesRepository,
    private readonly invoices: InvoicesRepository,
    private readonly projects: ProjectsQueries,
    private readonly outbox: EventOutbox,
  ) {}

  async run(at: CheckTime): Promise<number> {
    const cutoff = finalInvoiceNoticeCutoff(at.today);
    let emitted = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.notices.completionsUpTo(cutoff, afterId, BATCH);
      for (const completion of batch) {
        const project = await this.projects.project(completion.projectId);
        if (!project || !['completed', 'closed'].includes(project.status) || project.companyId) continue;
        const deadline = finalInvoiceDeadline(completion.completedOn);
        const announced = await this.txHost.withTransaction(async () => {
          if (await this.invoices.hasFinalInvoice(project.id)) return false;
          if (!(await this.notices.claim('final_invoice_due', project.id, deadline))) return false;
          await this.outbox.append(FINANCE_EVENTS.invoice.finalInvoiceDue(project.id, { projectId: project.id, finishedOn: completion.completedOn, deadline, detectedOn: at.today }));
          return true;
        });
        if (announced) emitted++;
      }
      if (batch.length < BATCH) return emitted;
      afterId = batch[batch.length - 1].id;
    }
  }
}
