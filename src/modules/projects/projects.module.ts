import { Module } from '@nestjs/common';
import { CsvModule } from '@libs/csv';
import { IdempotencyModule } from '@libs/idempotency';
import { AuditModule } from '../audit';
import { CrmModule } from '../crm';
import { BuildingSystemsController } from './building-systems/building-systems.controller';
import { BuildingSystemsRepository } from './building-systems/building-systems.repository';
import { BuildingSystemsService } from './building-systems/building-systems.service';
import { BuildingsController } from './buildings/buildings.controller';
import { BuildingsRepository } from './buildings/buildings.repository';
import { BuildingsService } from './buildings/buildings.service';
import { ComponentsController } from './components/components.controller';
import { ComponentsRepository } from './components/components.repository';
import { ComponentsService } from './components/components.service';
import { MaterialsController } from './materials/materials.controller';
import { MaterialsRepository } from './materials/materials.repository';
import { MaterialsService } from './materials/materials.service';
import { MeasuresController } from './measures/measures.controller';
import { MeasuresRepository } from './measures/measures.repository';
import { MeasureUsage } from './measures/measure-usage.service';
import { MeasuresService } from './measures/measures.service';
import { ProjectsCommands } from './projects.commands';
import { ProjectsQueries } from './projects.queries';
import { ProjectCreationService } from './projects/project-creation.service';
import { ProjectFromLeadSubscriber } from './projects/project-from-lead.subscriber';
import { ProjectSurveyedSubscriber } from './projects/project-surveyed.subscriber';
import { ProjectNumbersRepository } from './projects/project-numbers.repository';
import { ProjectsController } from './projects/projects.controller';
import { ProjectsRepository } from './projects/projects.repository';
import { ProjectsService } from './projects/projects.service';
import { ReferenceDataController } from './reference/reference-data.controller';
import { ReferenceDataRepository } from './reference/reference-data.repository';
import { ReferenceDataService } from './reference/reference-data.service';
import { ScenarioCopyService } from './scenarios/scenario-copy.service';
import { ScenarioDrafts } from './scenarios/scenario-drafts.service';
import { ScenarioPresentationService } from './scenarios/scenario-presentation.service';
import { ScenarioViewService } from './scenarios/scenario-view.service';
import { ScenariosController } from './scenarios/scenarios.controller';
import { ScenariosRepository } from './scenarios/scenarios.repository';
import { ScenariosService } from './scenarios/scenarios.service';
import { SnapshotsController } from './scenarios/snapshots.controller';
import { SnapshotsRepository } from './scenarios/snapshots.repository';
import { SnapshotsService } from './scenarios/snapshots.service';
import { ProjectTimelineController } from './timeline/project-timeline.controller';
import { ProjectTimelineRepository } from './timeline/project-timeline.repository';
import { ProjectTimelineService } from './timeline/project-timeline.service';

/**
 * The Projects context: projects, their buildings with envelope components (U-values) and plant,
 * renovation scenarios with measures checked against dated GEG/BEG requirement sets, the material
 * catalogue and the reference data. Reads CRM records through CrmQueries, recorded changes through
 * AuditLogReader; starts projects from `crm.lead.converted`. Others use ProjectsQueries and
 * ProjectsCommands (exported) and its events.
 */
@Module({
  imports: [IdempotencyModule, CsvModule, AuditModule, CrmModule],
  controllers: [
    ProjectsController,
    ProjectTimelineController,
    BuildingsController,
    ComponentsController,
    BuildingSystemsController,
    MaterialsController,
    ReferenceDataController,
    ScenariosController,
    SnapshotsController,
    MeasuresController,
  ],
  providers: [
    ProjectsRepository,
    ProjectNumbersRepository,
    BuildingsRepository,
    ComponentsRepository,
    BuildingSystemsRepository,
    MaterialsRepository,
    ReferenceDataRepository,
    ScenariosRepository,
    SnapshotsRepository,
    MeasuresRepository,
    ProjectTimelineRepository,
    ProjectsService,
    ProjectCreationService,
    ProjectFromLeadSubscriber,
    ProjectSurveyedSubscriber,
    BuildingsService,
    ComponentsService,
    BuildingSystemsService,
    MaterialsService,
    ReferenceDataService,
    ScenariosService,
    ScenarioViewService,
    ScenarioPresentationService,
    ScenarioCopyService,
    SnapshotsService,
    MeasuresService,
    MeasureUsage,
    ScenarioDrafts,
    ProjectTimelineService,
    ProjectsQueries,
    ProjectsCommands,
  ],
  exports: [ProjectsQueries, ProjectsCommands],
})
export class ProjectsModule {}
