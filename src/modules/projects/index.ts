// The Projects context's public surface: what other contexts, the app and seeds may use. Everything
// else under src/modules/projects is private (enforced by .dependency-cruiser.js).
export { ProjectsModule } from './projects.module';
export { PROJECTS_EVENTS } from './projects.events';
export type {
  MeasureCheckSummaryV1,
  ProjectCreatedV1,
  ProjectStatusChangedV1,
  ScenarioMeasureSummaryV1,
  ScenarioPresentedV1,
  ScenarioStatusChangedV1,
} from './projects.events';
export { ProjectsQueries } from './projects.queries';
export type { BuildingFundingFactsV1 } from './projects.queries';
export { ProjectsCommands } from './projects.commands';
export type { ProjectStatusMove } from './projects.commands';
export type { ProjectResponseDto as ProjectsProject } from './projects/project.dto';
export type { BuildingResponseDto as ProjectsBuilding } from './buildings/building.dto';
export type { ScenarioResponseDto as ProjectsScenario } from './scenarios/scenario.dto';
export type { MeasureResponseDto as ProjectsMeasure } from './measures/measure.dto';
export type { ScenarioSnapshotResponseDto as ProjectsScenarioSnapshot } from './scenarios/scenario-view.dto';
export type { ProjectStatus } from './projects/projects.schema';
export { projectsPermissions } from './projects.permissions';
export type { ProjectsPermission } from './projects.permissions';
