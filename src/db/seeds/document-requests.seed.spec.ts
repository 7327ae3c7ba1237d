import { templateProblem } from '../../modules/automation/shared/templates';
import { DOCUMENT_REQUEST_OVERDUE_WORKFLOW } from './document-requests.seed';

describe('document request seeds', () => {
  it('seeds the overdue workflow disabled, on the overdue event, with mail templates that parse', () => {
    expect(DOCUMENT_REQUEST_OVERDUE_WORKFLOW).toMatchObject({ enabled: false, triggerEventType: 'documents.request.overdue' });
    const [mail] = DOCUMENT_REQUEST_OVERDUE_WORKFLOW.actions;
    for (const text of [mail.template.subject.de, mail.template.subject.en, mail.template.body.de, mail.template.body.en]) expect(templateProblem(text)).toBeUndefined();
  });
});
