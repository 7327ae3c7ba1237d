import { Injectable } from '@nestjs/common';
import { CrmQueries } from '../../crm';
import { ProjectsQueries } from '../../projects';
import type { DocumentLinkType } from './documents.schema';

/**
 * Asks the linked record's own context whether the current actor may see it (its facade applies
 * the actor's scope exactly as its routes would). Record types whose context offers no facade yet
 * (quotes, invoices, funding applications, appointments) cannot be checked here: they count as
 * visible, and the document's own scope is what protects them.
 */
@Injectable()
export class LinkedRecords {
  constructor(
    private readonly crm: CrmQueries,
    private readonly projects: ProjectsQueries,
  ) {}

  /** Whether the record can be checked through a facade at all. */
  static checkable(type: DocumentLinkType): boolean {
    return ['contact', 'project', 'building', 'component', 'scenario'].includes(type);
  }

  async visible(type: DocumentLinkType, id: string): Promise<boolean> {
    switch (type) {
      case 'contact':
        return (await this.crm.contact(id)) !== undefined;
      case 'project':
        return (await this.projects.project(id)) !== undefined;
      case 'building':
        return (await this.projects.building(id)) !== undefined;
      case 'component':
        return (await this.projects.component(id)) !== undefined;
      case 'scenario':
        return (await this.projects.scenario(id)) !== undefined;
      default:
        return true;
    }
  }

  /** Every linked record visible (a document linked to a project the actor cannot see stays hidden). */
  async allVisible(links: { type: DocumentLinkType; id: string }[]): Promise<boolean> {
    for (const link of links) if (!(await this.visible(link.type, link.id))) return false;
    return true;
  }
}
