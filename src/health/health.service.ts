import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL, pingDatabase } from '@libs/db';
import { AppError } from '@libs/http';
import type { LivenessDto, ReadinessDto } from './health.dto';

/** Short enough for a load balancer's probe, long enough for a busy pool to hand out a client. */
export const READINESS_DB_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  getLiveness(): LivenessDto {
    return { status: 'ok' };
  }

  async getReadiness(): Promise<ReadinessDto> {
    try {
      await withTimeout(pingDatabase(this.pool), READINESS_DB_TIMEOUT_MS);
    } catch (error) {
      throw AppError.serviceUnavailable('HEALTH_DATABASE_UNAVAILABLE', 'The database is not reachable.', error);
    }
    return { status: 'ok', checks: { database: 'up' } };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
