import { ChangesPayload, defineEvents, payload, resourceEvents, SnapshotPayload } from '@libs/events';
import type { ProjectStatus } from './projects/projects.schema';
import type { ScenarioKind, ScenarioStatus } from './scenarios/scenarios.schema';

/** What `projects.project.created` carries: the audited fields (JSON) and the lead it came from. */
export interface ProjectCreatedV1 extends SnapshotPayload<{
  number: string;
  title: string;
  status: ProjectStatus;
  contactId: string;
  companyId: string | null;
  sourceLeadId: string | null;
  interests: string[];
  ownerId: string | null;
  departmentId: string | null;
}> {
  fromLeadId?: string;
}

/** `projects.project.status_changed`: a move allowed by project.rules.ts (over HTTP or through ProjectsCommands). */
export interface ProjectStatusChangedV1 extends ChangesPayload {
  projectNumber: string;
  from: ProjectStatus;
  to: ProjectStatus;
  /** The cancellation reason when `to` is `cancelled`. */
  reason: string | null;
}

/** One check of a presented measure, as funding needs it: which requirement-set version, and the outcome. */
export interface MeasureCheckSummaryV1 {
  componentId: string;
  requirementSetId: string;
  requirementSetKey: string;
  outcome: 'pass' | 'fail' | 'no_requirement' | 'not_computable';
  uValueRounded: number | null;
  uMax: number | null;
}

export interface ScenarioMeasureSummaryV1 {
  measureId: string;
  kind: string;
  title: string;
  packageNumber: number | null;
  costEstimateNetCents: number | null;
  vatCategory: string | null;
  plannedYear: number | null;
  componentIds: string[];
  checks: MeasureCheckSummaryV1[];
}

/**
 * `projects.scenario.presented`: the scenario was frozen into snapshot `snapshotId` (its content
 * hash included) — funding and finance start from here; the full content is read through
 * ProjectsQueries.snapshot(snapshotId).
 */
export interface ScenarioPresentedV1 extends ChangesPayload {
  projectId: string;
  buildingId: string;
  scenarioKind: ScenarioKind;
  revision: number;
  previousRevisionId: string | null;
  snapshotId: string;
  snapshotVersion: number;
  contentHash: string;
  /** ISO 8601. */
  presentedAt: string;
  packageCount: number;
  measures: ScenarioMeasureSummaryV1[];
  totals: { measureCount: number; costEstimateNetCents: number; expectedFinalEnergySavingsKwhA: number; expectedCo2SavingsKgA: number };
  /** Earlier presented revisions this one superseded. */
  supersededScenarioIds: string[];
}

/** `projects.scenario.status_changed`: accepted, rejected or superseded after presenting. */
export interface ScenarioStatusChangedV1 extends ChangesPayload {
  projectId: string;
  from: ScenarioStatus;
  to: ScenarioStatus;
}

/**
 * The Projects context's domain events, appended in the transaction of the change; other
 * contexts import them (and the payload types) from projects/index.ts.
 */
export const PROJECTS_EVENTS = defineEvents('projects', {
  project: { ...resourceEvents<{ fromLeadId?: string }>(), statusChanged: payload<ProjectStatusChangedV1>() },
  building: resourceEvents(),
  buildingComponent: resourceEvents(),
  buildingSystem: resourceEvents(),
  scenario: {
    ...resourceEvents<{ copiedFromId?: string; previousRevisionId?: string }>(),
    presented: payload<ScenarioPresentedV1>(),
    statusChanged: payload<ScenarioStatusChangedV1>(),
  },
  measure: resourceEvents(),
  material: resourceEvents(),
});

