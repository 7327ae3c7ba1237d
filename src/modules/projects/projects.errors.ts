import { HttpStatus } from '@nestjs/common';
import { AppError, FieldError } from '@libs/http';

/**
 * The Projects context's own problems (not-found, not-deleted and reference problems come from the
 * resource kit: `PROJECTS_<RESOURCE>_NOT_FOUND`, `REFERENCE_NOT_FOUND`). The code is the contract.
 */
export const ProjectsErrors = {
  illegalProjectTransition: (from: string, to: string, allowed: readonly string[]) =>
    AppError.conflict(
      'PROJECTS_PROJECT_ILLEGAL_TRANSITION',
      `A project cannot move from "${from}" to "${to}"` + (allowed.length ? `; from "${from}" it can move to: ${allowed.join(', ')}.` : '; it is final.'),
      { from, to, allowed },
    ),
  cancellationReasonRequired: () =>
    AppError.unprocessable('PROJECTS_PROJECT_CANCELLATION_REASON_REQUIRED', 'A project is cancelled with a reason.', [
      { path: 'reason', message: 'reason is required when status is cancelled' },
    ]),
  leadAlreadyHasProject: () =>
    AppError.conflict('PROJECTS_LEAD_HAS_PROJECT', 'This lead already has a project; a lead becomes at most one project.'),
  leadNotConverted: (leadId: string, status: string) =>
    AppError.conflict('PROJECTS_LEAD_NOT_CONVERTED', `The lead ${leadId} is "${status}"; a project starts from a converted lead (convert it first) or without a lead.`),
  contactRequired: () =>
    AppError.unprocessable('PROJECTS_CONTACT_REQUIRED', 'A project needs a contact: name contactId or a converted sourceLeadId.', [
      { path: 'contactId', message: 'contactId is required without a converted sourceLeadId' },
    ]),
  invalid: (errors: FieldError[]) => AppError.unprocessable('PROJECTS_INVALID', 'The request does not fit the rules of its resource; see errors.', errors),
  componentInUse: (id: string) =>
    AppError.conflict('PROJECTS_COMPONENT_IN_USE', `The component ${id} is changed by a measure of a draft scenario; remove it from the measure first.`),
  materialSeeded: (id: string) =>
    AppError.conflict('PROJECTS_MATERIAL_SEEDED', `The material ${id} is seeded reference data and cannot be changed or deleted; add a material of your own instead.`),
  scenarioNotDraft: (id: string, status: string) =>
    AppError.conflict(
      'PROJECTS_SCENARIO_NOT_DRAFT',
      `The scenario ${id} is "${status}": presented scenarios are frozen. Create a revision (POST /scenarios/${id}/revisions) and change that.`,
    ),
  illegalScenarioTransition: (from: string, to: string, allowed: readonly string[]) =>
    AppError.conflict(
      'PROJECTS_SCENARIO_ILLEGAL_TRANSITION',
      `A scenario cannot move from "${from}" to "${to}"` + (allowed.length ? `; from "${from}" it can move to: ${allowed.join(', ')}.` : '.'),
      { from, to, allowed },
    ),
  scenarioNotPresentable: (errors: FieldError[]) =>
    new AppError({
      code: 'PROJECTS_SCENARIO_NOT_PRESENTABLE',
      status: HttpStatus.CONFLICT,
      detail: 'The scenario cannot be presented yet; see errors.',
      errors,
    }),
  packageInUse: (packageNumber: number) =>
    AppError.conflict('PROJECTS_PACKAGE_IN_USE', `Package ${packageNumber} still has measures; move or delete them before removing the package.`),
} as const;
