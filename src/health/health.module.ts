import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

export const HEALTH_ROUTES = ['health/live', 'health/ready'];

@Module({
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
