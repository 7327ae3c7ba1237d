import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { AppConfig, AppConfigModule } from '@libs/config';
import { RequestContextModule } from '@libs/context';
import { DbModule } from '@libs/db';
import { EventsModule } from '@libs/events';
import { ScheduledChecksModule } from '@libs/scheduled-checks';
import { DeadLettersModule } from './events/dead-letters.module';
import { HealthModule } from './health/health.module';
import { HousekeepingModule } from './housekeeping/housekeeping.module';
import { AuthModule } from './modules/auth';
import { AuditModule } from './modules/audit';
import { AutomationModule } from './modules/automation';
import { CrmModule } from './modules/crm';
import { DocumentsModule } from './modules/documents';
import { SchedulingModule } from './modules/scheduling';
import { FundingModule } from './modules/funding';
import { FinanceModule } from './modules/finance';
import { ProjectsModule } from './modules/projects';

export type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

export interface AppModuleOptions {
  config: AppConfig;
  /** Runtime connection, from `prepareDatabase` (embedded or DATABASE_URL). */
  databaseUrl: string;
  /** Extra modules, for tests that need a route the app does not ship. */
  imports?: ModuleImport[];
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, imports = [] }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        RequestContextModule,
        DbModule.forRoot({ url: databaseUrl, poolMax: config.database.poolMax }),
        EventsModule.forRoot(config.events),
        HealthModule,
        AuthModule,
        AuditModule,
        CrmModule,
        AutomationModule,
        ProjectsModule,
        DocumentsModule,
        SchedulingModule,
        FundingModule,
        FinanceModule,
        DeadLettersModule,
        HousekeepingModule,
        ScheduledChecksModule,
        ...imports,
      ],
    };
  }
}
