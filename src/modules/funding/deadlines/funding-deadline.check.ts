import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { CheckTime, ScheduledCheck, ScheduledCheckHandler } from '@libs/scheduled-checks';
import { addDays, daysBetween } from '../applications/application.rules';
import { ApplicationsRepository, DUE_SOON_DAYS } from '../applications/applications.repository';
import { FUNDING_EVENTS } from '../funding.events';

const BATCH = 500;
const MAX_BATCHES = 20;

/**
 * Daily: `funding.application.deadline_approaching` for every approved application whose
 * implementation or proof deadline is due within DUE_SOON_DAYS. Idempotent across runs and
 * instances: each reminder is a unique notice row (application, kind, due day) inserted with
 * ON CONFLICT DO NOTHING in the same transaction as its event; only an inserted row emits.
 */
@Injectable()
@ScheduledCheck({ name: 'funding.deadlines', everyMinutes: 1440 })
export class FundingDeadlineCheck implements ScheduledCheckHandler {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly applications: ApplicationsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async run(at: CheckTime): Promise<number> {
    const until = addDays(at.today, DUE_SOON_DAYS);
    let emitted = 0;
    for (const kind of ['implementation', 'proof'] as const) {
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const count = await this.txHost.withTransaction(async () => {
          const due = await this.applications.pendingDeadlines(kind, at.today, until, BATCH);
          let sent = 0;
          for (const row of due) {
            if (!(await this.applications.insertNotice(row.id, kind, row.dueOn!))) continue;
            await this.outbox.append(
              FUNDING_EVENTS.application.deadlineApproaching(row.id, {
                applicationId: row.id,
                projectId: row.projectId,
                programKey: row.programKey,
                kind,
                deadline: row.dueOn!,
                daysLeft: daysBetween(at.today, row.dueOn!),
                ownerId: row.ownerId,
              }),
            );
            sent++;
          }
          return { sent, seen: due.length };
        });
        emitted += count.sent;
        if (count.seen < BATCH) break;
      }
    }
    return emitted;
  }
}
