import { AppError } from '@libs/http';

/** The funding context's own problems (not-found and reference problems come from the resource kit). */
export const FundingErrors = {
  programNotFound: (idOrKey: string) => AppError.notFound('FUNDING_PROGRAM_NOT_FOUND', `No funding programme ${idOrKey}.`),
  ruleVersionNotFound: (id: string) => AppError.notFound('FUNDING_RULE_VERSION_NOT_FOUND', `No rule version ${id}.`),
  noRuleOnDate: (programKey: string, date: string) =>
    AppError.unprocessable('FUNDING_NO_RULE_ON_DATE', `No rule of programme ${programKey} valid on ${date}: enter a new rule version before calculating for that day.`, [
      { path: 'date', message: `no rule of programme ${programKey} valid on ${date}` },
    ]),
  ruleVersionOverlap: (programKey: string) =>
    AppError.conflict('FUNDING_RULE_VERSION_OVERLAP', `The validity overlaps another rule version of programme ${programKey}; end the current version first or choose other dates.`),
  ruleBodyKindMismatch: (programKey: string, expected: string, got: string) =>
    AppError.unprocessable('FUNDING_RULE_BODY_INVALID', `Programme ${programKey} takes ${expected} rules, not ${got}.`, [{ path: 'body.kind', message: `expected ${expected}` }]),
  ruleBodyInvalid: (path: string, message: string) => AppError.unprocessable('FUNDING_RULE_BODY_INVALID', `The rule body is invalid: ${path} ${message}.`, [{ path, message }]),
  ruleVersionPast: (today: string) => AppError.unprocessable('FUNDING_RULE_VERSION_PAST', `A version's validity up to today (${today}) is history and stays; choose a later end.`, [{ path: 'validTo', message: `must not be before ${today}` }]),
  ruleVersionInUse: (id: string) => AppError.conflict('FUNDING_RULE_VERSION_IN_USE', `The rule version ${id} was used by stored calculations; only its end date can be brought forward to a day after the last calculation's date.`),
  projectNotVisible: (path = 'projectId') => AppError.unprocessable('REFERENCE_NOT_FOUND', 'The project does not exist or is outside what you may see.', [{ path, message: 'unknown or not visible project' }]),
  scenarioNotVisible: () => AppError.unprocessable('REFERENCE_NOT_FOUND', 'The scenario does not exist or is outside what you may see.', [{ path: 'scenarioId', message: 'unknown or not visible scenario' }]),
  measureNotVisible: (path: string) => AppError.unprocessable('REFERENCE_NOT_FOUND', 'The measure does not exist, is outside what you may see or belongs to another project.', [{ path, message: 'unknown measure' }]),
  measureIncomplete: (index: number) =>
    AppError.unprocessable('FUNDING_MEASURE_INCOMPLETE', `Measure ${index} names no scenario measure: give its kind and costCents.`, [
      { path: `measures[${index}].kind`, message: 'required without measureId' },
      { path: `measures[${index}].costCents`, message: 'required without measureId' },
    ]),
  noMeasures: () => AppError.unprocessable('FUNDING_NO_MEASURES', 'Give measures, a scenario or a measure to calculate.', [{ path: 'measures', message: 'nothing to calculate' }]),
  transitionNotAllowed: (from: string, to: string) => AppError.conflict('FUNDING_APPLICATION_TRANSITION_NOT_ALLOWED', `An application cannot move from ${from} to ${to}.`),
  transitionMissing: (to: string, fields: string[]) =>
    AppError.unprocessable('FUNDING_APPLICATION_FIELDS_MISSING', `Moving to ${to} needs ${fields.join(', ')}.`, fields.map((path) => ({ path, message: `required to move to ${to}` }))),
  contractWithoutClause: (reference: string, signedOn: string) =>
    AppError.unprocessable(
      'FUNDING_CONTRACT_WITHOUT_FUNDING_CLAUSE',
      `The project's works contract ${reference} was signed on ${signedOn} without a funding condition clause: the project has started before the application, so the measure is not eligible (start-of-project rule, BEG). Cancel it and sign a contract with the clause, or do not apply.`,
    ),
  invalidExternalId: (path: string, description: string) => AppError.unprocessable('FUNDING_EXTERNAL_ID_INVALID', `${path} is not a valid ${description}.`, [{ path, message: `not a valid ${description}` }]),
  checklistItemUnknown: () => AppError.unprocessable('REFERENCE_NOT_FOUND', "The checklist item is not one of the application's programme.", [{ path: 'itemKey', message: 'unknown checklist item' }]),
  documentUnknown: () => AppError.unprocessable('REFERENCE_NOT_FOUND', 'The document does not exist.', [{ path: 'documentId', message: 'unknown document' }]),
  documentAlreadyLinked: () => AppError.conflict('FUNDING_DOCUMENT_ALREADY_LINKED', 'The document already fulfils this checklist item.'),
  applicationClosed: (status: string) => AppError.conflict('FUNDING_APPLICATION_CLOSED', `The application is ${status}; it can no longer change.`),
};
