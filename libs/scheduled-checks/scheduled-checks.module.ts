import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ScheduledCheckRunsRepository } from './scheduled-check-runs.repository';
import { ScheduledChecksRunner } from './scheduled-checks.runner';

/** The runner of every context's `@ScheduledCheck` providers (imported once, by the app module). */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [ScheduledCheckRunsRepository, ScheduledChecksRunner],
  exports: [ScheduledChecksRunner],
})
export class ScheduledChecksModule {}
