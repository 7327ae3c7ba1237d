import { Injectable } from '@nestjs/common';
import { and, eq, isNull } from 'drizzle-orm';
import { CommonListFilters, ResourceRepository, ResourceTableSpec } from '@libs/resource';
import { AutomationErrors } from '../automation.errors';
import type { FormDefinition } from './form-definition';
import { Form, forms, formVersions } from './forms.schema';

/** Company configuration: no record scopes. */
const FORMS: ResourceTableSpec<typeof forms> = {
  table: forms,
  constraints: { forms_slug_key: AutomationErrors.slugTaken },
  sort: { fields: { createdAt: { expression: forms.createdAt, type: 'timestamp' } }, tieBreaker: forms.id, defaultSort: '-createdAt' },
};

@Injectable()
export class FormsRepository extends ResourceRepository<typeof forms, CommonListFilters> {
  protected readonly spec = FORMS;

  /** A live, enabled form by its public slug. */
  async findOpen(slug: string): Promise<Form | undefined> {
    const [row] = await this.db
      .select()
      .from(forms)
      .where(and(eq(forms.slug, slug), eq(forms.enabled, true), isNull(forms.deletedAt)));
    return row;
  }

  async insertVersion(formId: string, version: number, definition: FormDefinition): Promise<void> {
    await this.db.insert(formVersions).values({ formId, version, definition }).onConflictDoNothing();
  }

  async findVersion(formId: string, version: number): Promise<FormDefinition | undefined> {
    const [row] = await this.db
      .select({ definition: formVersions.definition })
      .from(formVersions)
      .where(and(eq(formVersions.formId, formId), eq(formVersions.version, version)));
    return row?.definition;
  }
}
