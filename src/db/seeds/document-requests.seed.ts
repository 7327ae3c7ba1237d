import { workflows } from '../schema';
import { addedStandardRoleGrantsSeed } from './roles.seed';
import { Seed, seedUuid } from './seed-utils';

const label = (de: string, en: string) => ({ de, en });

/**
 * The `documents.requests:*` grants of the standard roles: they arrived after
 * `auth.standard-role-grants.documents` may have run (whose prefix filter cannot name them apart).
 */
export const documentRequestGrantsSeed = addedStandardRoleGrantsSeed('documents-requests', 'grants of the documents.requests permissions', (permission) =>
  permission.startsWith('documents.requests:'),
);

/** An example workflow, disabled: the owner of an overdue document request hears of it. */
export const DOCUMENT_REQUEST_OVERDUE_WORKFLOW = {
  id: seedUuid('automation', 'workflow:document-request-overdue'),
  name: label('Überfällige Unterlagenanforderung', 'Overdue document request'),
  description: 'When a document request passes its due date with required documents missing (documents.request.overdue), mails its owner.',
  triggerEventType: 'documents.request.overdue',
  conditions: [],
  actions: [
    {
      type: 'send_email' as const,
      recipient: { kind: 'assignee' as const, path: 'payload.ownerId' },
      template: {
        subject: label('Unterlagen überfällig', 'Documents overdue'),
        body: label(
          'Die Unterlagenanforderung {{ event.aggregateId }} war am {{ event.payload.dueDate | date: "%d.%m.%Y" }} fällig; es fehlen noch {{ event.payload.missingItems | size }} Unterlagen. Bitte fragen Sie nach und stellen Sie bei Bedarf einen neuen Link aus.',
          'Document request {{ event.aggregateId }} was due on {{ event.payload.dueDate | date: "%Y-%m-%d" }}; {{ event.payload.missingItems | size }} documents are still missing. Please follow up and issue a new link if needed.',
        ),
      },
    },
  ],
  enabled: false,
};

export const documentRequestWorkflowSeed: Seed = {
  key: 'automation.document-request-overdue-workflow',
  description: 'example workflow: mail the owner of an overdue document request (disabled)',
  run: async ({ db }) => {
    await db.insert(workflows).values(DOCUMENT_REQUEST_OVERDUE_WORKFLOW).onConflictDoNothing();
  },
};
