import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { announceEach, CheckTime, ScheduledCheck, ScheduledCheckHandler } from '@libs/scheduled-checks';
import { DOCUMENTS_EVENTS } from '../documents.events';
import { hasFile, linkState, reminderKind } from './document-request.rules';
import { DocumentRequestItemsRepository } from './document-request-items.repository';
import { DocumentRequestPortalRepository } from './document-request-portal.repository';

/**
 * The daily reminder check: for every open request, `documents.request.reminder_due` once the
 * reminder window before the due date has begun and `documents.request.overdue` once it has
 * passed — each at most once per request, kind and due date (a notice row claimed with ON
 * CONFLICT DO NOTHING in the same transaction as its event), so running it twice emits nothing
 * new, and moving the due date allows new reminders. Automation e-mails from these events.
 */
@Injectable()
@ScheduledCheck({ name: 'documents.request-reminders', everyMinutes: 1440 })
export class DocumentRequestReminderCheck implements ScheduledCheckHandler {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly portal: DocumentRequestPortalRepository,
    private readonly items: DocumentRequestItemsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async run(at: CheckTime): Promise<number> {
    const emitted = await announceEach(
      (afterId, size) => this.portal.openDueBy(at.today, size, afterId),
      async (request) => {
        const kind = reminderKind(request, at.today);
        if (!kind) return false;
        return this.txHost.withTransaction(async () => {
          if (!(await this.portal.claimNotice(request.id, kind, request.dueDate))) return false;
          const missingItems = (await this.items.itemsOf([request.id])).filter((item) => item.required && !hasFile(item.status)).map((item) => ({ itemId: item.id, typeId: item.typeId }));
          const payload = {
            kind,
            contactId: request.contactId,
            projectId: request.projectId,
            ownerId: request.ownerId,
            language: request.language,
            dueDate: request.dueDate,
            missingItems,
            linkActive: linkState(request, at.now) === 'active',
          };
          const event = kind === 'overdue' ? DOCUMENTS_EVENTS.request.overdue : DOCUMENTS_EVENTS.request.reminderDue;
          await this.outbox.append(event(request.id, payload));
          return true;
        });
      },
    );
    await this.portal.pruneAccesses();
    return emitted;
  }
}
