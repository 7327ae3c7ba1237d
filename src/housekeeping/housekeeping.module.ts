import { Module } from '@nestjs/common';
import { IdempotencyModule } from '@libs/idempotency';
import { HousekeepingService } from './housekeeping.service';

/** The platform's periodic clean-up; it owns no tables (see HousekeepingService). */
@Module({
  imports: [IdempotencyModule],
  providers: [HousekeepingService],
  exports: [HousekeepingService],
})
export class HousekeepingModule {}
