import { Injectable } from '@nestjs/common';
import { currentGrant, Scope } from '@libs/auth';
import { currentActorId, SYSTEM_ACTOR_ID } from '@libs/context';
import type { BuildingResponseDto } from './buildings/building.dto';
import { toBuildingResponse } from './buildings/building.mapper';
import { BuildingsService } from './buildings/buildings.service';
import type { ComponentResponseDto } from './components/component.dto';
import { ComponentsService } from './components/components.service';
import type { MeasureResponseDto } from './measures/measure.dto';
import { toMeasureResponse } from './measures/measure.mapper';
import { MeasuresService } from './measures/measures.service';
import type { ProjectResponseDto } from './projects/project.dto';
import { ProjectsService } from './projects/projects.service';
import type { ScenarioResponseDto } from './scenarios/scenario.dto';
import type { ScenarioDetailDto, ScenarioSnapshotResponseDto } from './scenarios/scenario-view.dto';
import { snapshotSummary } from './scenarios/scenario-view.service';
import { ScenariosService } from './scenarios/scenarios.service';
import { SnapshotsRepository } from './scenarios/snapshots.repository';
import { berlinDate } from '@libs/shared';

/** What funding needs to know about a building: units, ages, certificate, heating and whether an iSFP was presented. */
export interface BuildingFundingFactsV1 {
  buildingId: string;
  projectId: string;
  residentialUnits: number | null;
  ownerOccupiedUnits: number | null;
  yearOfConstruction: number | null;
  yearOfBuildingPermit: number | null;
  listed: boolean;
  energyCertificateClass: string | null;
  finalEnergyKwhM2a: number | null;
  heating: {
    kind: string | null;
    energyCarrier: string | null;
    yearInstalled: number | null;
    /** Whole years since installation, as of today in Germany (funding decides with its own date). */
    ageYears: number | null;
    working: boolean | null;
  };
  /** The newest presented (or accepted) iSFP of the building, if any. */
  isfp: { scenarioId: string; snapshotId: string; presentedAt: string } | null;
}

/**
 * How other contexts read the Projects context (exported from projects/index.ts; never the
 * tables): records by id as their API representation, within the current actor's read scope —
 * undefined when missing or not visible, as the Projects routes would decide. Background work
 * running as the system actor (subscribers, scheduled jobs) sees every record.
 */
@Injectable()
export class ProjectsQueries {
  constructor(
    private readonly projects: ProjectsService,
    private readonly buildings: BuildingsService,
    private readonly scenarios: ScenariosService,
    private readonly measures: MeasuresService,
    private readonly snapshots: SnapshotsRepository,
    private readonly components: ComponentsService,
  ) {}

  project(id: string): Promise<ProjectResponseDto | undefined> {
    return this.projects.lookup(id);
  }

  /** The project started from a lead (at most one), if visible. */
  async projectOfLead(leadId: string): Promise<ProjectResponseDto | undefined> {
    const project = await this.projects.repository.findBySourceLead(leadId);
    return project && project.deletedAt === null ? this.projects.lookup(project.id) : undefined;
  }

  building(id: string): Promise<BuildingResponseDto | undefined> {
    return this.buildings.lookup(id);
  }

  /** The live buildings of a visible project. */
  async buildingsOfProject(projectId: string): Promise<BuildingResponseDto[]> {
    const scope = readScope('projects.buildings:read');
    if (!scope) return [];
    return (await this.buildings.ofProject(projectId, scope)).map(toBuildingResponse);
  }

  /** A building component, if visible (its building's project decides). */
  component(id: string): Promise<ComponentResponseDto | undefined> {
    return this.components.lookup(id);
  }

  scenario(id: string): Promise<ScenarioResponseDto | undefined> {
    return this.scenarios.lookup(id);
  }

  /** The live measures of a visible scenario (kinds, components, cost estimates with VAT category, planned years, savings). */
  async measuresOfScenario(scenarioId: string): Promise<MeasureResponseDto[]> {
    if (!(await this.scenarios.lookup(scenarioId))) return [];
    return (await this.measures.ofScenario(scenarioId)).map(toMeasureResponse);
  }

  /** A snapshot of a presented scenario (its frozen content and hash), if visible. */
  async snapshot(id: string): Promise<ScenarioSnapshotResponseDto | undefined> {
    const scope = readScope('projects.scenarios:read');
    const snapshot = scope && (await this.snapshots.findById(id, scope));
    return snapshot ? { ...snapshotSummary(snapshot), content: snapshot.content as unknown as ScenarioDetailDto } : undefined;
  }

  /** The facts funding rules look at, for a visible building. */
  async buildingFundingFacts(buildingId: string): Promise<BuildingFundingFactsV1 | undefined> {
    const building = await this.buildings.lookup(buildingId);
    if (!building) return undefined;
    const isfp = await this.snapshots.latestIsfpOfBuilding(buildingId);
    const year = Number(berlinDate().slice(0, 4));
    return {
      buildingId: building.id,
      projectId: building.projectId,
      residentialUnits: building.residentialUnits,
      ownerOccupiedUnits: building.ownerOccupiedUnits,
      yearOfConstruction: building.yearOfConstruction,
      yearOfBuildingPermit: building.yearOfBuildingPermit,
      listed: building.listed,
      energyCertificateClass: building.energyCertificateClass,
      finalEnergyKwhM2a: building.finalEnergyKwhM2a,
      heating: {
        kind: building.heatingKind,
        energyCarrier: building.heatingEnergyCarrier,
        yearInstalled: building.heatingYearInstalled,
        ageYears: building.heatingYearInstalled === null ? null : year - building.heatingYearInstalled,
        working: building.heatingWorking,
      },
      isfp: isfp ? { scenarioId: isfp.scenarioId, snapshotId: isfp.id, presentedAt: isfp.presentedAt.toISOString() } : null,
    };
  }
}

/** The actor's scope for `permission`; the system actor reads everything. */
function readScope(permission: string): Scope | undefined {
  return currentGrant(permission) ?? (currentActorId() === SYSTEM_ACTOR_ID ? 'all' : undefined);
}
