import type { Pool } from 'pg';
import { AppError } from '@libs/http';
import { HealthService, READINESS_DB_TIMEOUT_MS } from './health.service';

const poolAnswering = (query: () => Promise<unknown>) => ({ query: jest.fn(query) }) as unknown as Pool;

async function readinessError(service: HealthService): Promise<AppError> {
  try {
    await service.getReadiness();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected readiness to fail');
}

describe('HealthService', () => {
  afterEach(() => jest.useRealTimers());

  it('is live without asking the database', () => {
    const pool = poolAnswering(async () => ({}));
    expect(new HealthService(pool).getLiveness()).toEqual({ status: 'ok' });
    expect(pool.query).not.toHaveBeenCalled();
  });

  it('is ready when the database answers', async () => {
    await expect(new HealthService(poolAnswering(async () => ({ rows: [] }))).getReadiness()).resolves.toEqual({
      status: 'ok',
      checks: { database: 'up' },
    });
  });

  it('answers 503 when the database fails', async () => {
    const error = await readinessError(new HealthService(poolAnswering(() => Promise.reject(new Error('ECONNREFUSED')))));
    expect(error.getStatus()).toBe(503);
    expect(error.code).toBe('HEALTH_DATABASE_UNAVAILABLE');
  });

  it('answers 503 when the database does not answer in time', async () => {
    jest.useFakeTimers();
    const pending = readinessError(new HealthService(poolAnswering(() => new Promise(() => undefined))));
    jest.advanceTimersByTime(READINESS_DB_TIMEOUT_MS);
    const error = await pending;
    expect(error.code).toBe('HEALTH_DATABASE_UNAVAILABLE');
    expect((error.cause as Error).message).toBe(`no answer within ${READINESS_DB_TIMEOUT_MS} ms`);
  });
});
