import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterDrizzleOrm } from '@nestjs-cls/transactional-adapter-drizzle-orm';
import type { Pool } from 'pg';
import { createDatabase, createPool } from './database';
import { DRIZZLE, PG_POOL } from './tokens';

export interface DbModuleOptions {
  url: string;
  poolMax: number;
}

@Global()
@Module({})
export class DbModule implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  static forRoot(options: DbModuleOptions): DynamicModule {
    const poolProvider = { provide: PG_POOL, useFactory: () => createPool({ url: options.url, max: options.poolMax }) };
    const drizzleProvider = { provide: DRIZZLE, inject: [PG_POOL], useFactory: createDatabase };
    const connection: DynamicModule = {
      module: DbConnectionModule,
      providers: [poolProvider, drizzleProvider],
      exports: [PG_POOL, DRIZZLE],
    };
    return {
      module: DbModule,
      global: true,
      imports: [
        connection,
        ClsModule.registerPlugins([
          new ClsPluginTransactional({
            imports: [connection],
            adapter: new TransactionalAdapterDrizzleOrm({ drizzleInstanceToken: DRIZZLE }),
            enableTransactionProxy: false,
          }),
        ]),
      ],
      exports: [connection],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

@Module({})
class DbConnectionModule {}
