import { Module } from '@nestjs/common';
import { IdempotencyModule } from '@libs/idempotency';
import { DocumentsModule } from '../documents';
import { ProjectsModule } from '../projects';
import { ApplicationStatusService } from './applications/application-status.service';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsRepository } from './applications/applications.repository';
import { ApplicationsService } from './applications/applications.service';
import { CalculationInputService } from './calculator/calculation-input.service';
import { CalculationsController } from './calculator/calculations.controller';
import { CalculationsRepository } from './calculator/calculations.repository';
import { CalculationsService } from './calculator/calculations.service';
import { ContractsController } from './contracts/contracts.controller';
import { ContractsRepository } from './contracts/contracts.repository';
import { ContractsService } from './contracts/contracts.service';
import { QuoteAcceptedSubscriber } from './contracts/quote-accepted.subscriber';
import { FundingDeadlineCheck } from './deadlines/funding-deadline.check';
import { FundingQueries } from './funding.queries';
import { ProgramsController } from './programs/programs.controller';
import { ProgramsRepository } from './programs/programs.repository';
import { ProgramsService } from './programs/programs.service';

/** The funding context: programmes with dated rules, the calculator, applications and their deadlines. */
@Module({
  imports: [IdempotencyModule, ProjectsModule, DocumentsModule],
  controllers: [ProgramsController, CalculationsController, ApplicationsController, ContractsController],
  providers: [
    ProgramsRepository,
    ProgramsService,
    CalculationInputService,
    CalculationsRepository,
    CalculationsService,
    ApplicationsRepository,
    ApplicationsService,
    ApplicationStatusService,
    ContractsRepository,
    ContractsService,
    QuoteAcceptedSubscriber,
    FundingDeadlineCheck,
    FundingQueries,
  ],
  exports: [FundingQueries],
})
export class FundingModule {}
