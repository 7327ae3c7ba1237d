import { Injectable, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { currentActorId, SYSTEM_ACTOR_ID } from '@libs/context';
import { loadConfig } from '@libs/config';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { sqlAs } from '@libs/testing/outbox-probes';
import { AppModule } from '../app.module';
import { CheckTime, ScheduledCheck, ScheduledCheckHandler, ScheduledChecksRunner } from '@libs/scheduled-checks';

const calls: { name: string; at: CheckTime; actor: string | null }[] = [];
let failNext = false;

@Injectable()
@ScheduledCheck({ name: 'probe.daily', everyMinutes: 1440 })
class DailyProbeCheck implements ScheduledCheckHandler {
  async run(at: CheckTime): Promise<number> {
    calls.push({ name: 'probe.daily', at, actor: currentActorId() });
    if (failNext) {
      failNext = false;
      throw new Error('probe failure');
    }
    return 2;
  }
}

@Injectable()
@ScheduledCheck({ name: 'probe.quarter-hourly', everyMinutes: 15 })
class QuarterHourlyProbeCheck implements ScheduledCheckHandler {
  async run(at: CheckTime): Promise<number> {
    calls.push({ name: 'probe.quarter-hourly', at, actor: currentActorId() });
    return 0;
  }
}

@Module({ providers: [DailyProbeCheck, QuarterHourlyProbeCheck] })
class ProbeChecksModule {}

describe('scheduled checks runner', () => {
  let db: TestDatabase;
  let apps: INestApplicationContext[];

  const startApp = () =>
    NestFactory.createApplicationContext(
      AppModule.forRoot({
        config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', AUTO_SEED: 'false' }),
        databaseUrl: db.bouncerUrl ?? db.appUrl,
        imports: [ProbeChecksModule],
      }),
      { logger: false },
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    apps = [await startApp(), await startApp()];
  });

  afterAll(async () => {
    for (const app of apps ?? []) await app.close();
    await db?.drop();
  });

  beforeEach(async () => {
    calls.length = 0;
    await sqlAs(db.adminUrl, 'TRUNCATE scheduled_check_runs');
  });

  const runners = () => apps.map((app) => app.get(ScheduledChecksRunner));

  it('finds every @ScheduledCheck provider', () => {
    expect(runners()[0].names()).toEqual(expect.arrayContaining(['probe.daily', 'probe.quarter-hourly']));
  });

  it('runs each due check once across two instances, as the system actor, with the Berlin calendar day', async () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin (summer time).
    const now = new Date('2026-03-31T23:30:00Z');
    const outcomes = await Promise.all(runners().map((runner) => runner.runDue(now)));
    const ran = outcomes.flat().filter((o) => o.ran);
    expect(ran.map((o) => o.name).sort()).toEqual(['probe.daily', 'probe.quarter-hourly']);
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.at.today === '2026-04-01' && c.actor === SYSTEM_ACTOR_ID)).toBe(true);
    const [daily] = await sqlAs<{ last_emitted: number; last_error: string | null }>(db.adminUrl, `select last_emitted, last_error from scheduled_check_runs where name = 'probe.daily'`);
    expect(daily).toEqual({ last_emitted: 2, last_error: null });
  });

  it('runs a check again only after its interval', async () => {
    const [runner] = runners();
    const start = new Date('2026-06-01T08:00:00Z');
    await runner.runDue(start);
    await runner.runDue(new Date(start.getTime() + 14 * 60_000));
    expect(calls.map((c) => c.name).sort()).toEqual(['probe.daily', 'probe.quarter-hourly']);
    await runner.runDue(new Date(start.getTime() + 15 * 60_000));
    expect(calls.filter((c) => c.name === 'probe.quarter-hourly')).toHaveLength(2);
    expect(calls.filter((c) => c.name === 'probe.daily')).toHaveLength(1);
    await runner.runDue(new Date(start.getTime() + 24 * 60 * 60_000));
    expect(calls.filter((c) => c.name === 'probe.daily')).toHaveLength(2);
  });

  it('records a failing check and tries it again on the next interval; run() forces a run', async () => {
    const [runner] = runners();
    failNext = true;
    const [failed] = (await runner.runDue(new Date('2026-06-01T08:00:00Z'))).filter((o) => o.name === 'probe.daily');
    expect(failed).toEqual({ name: 'probe.daily', ran: true, error: 'probe failure' });
    const [row] = await sqlAs<{ last_error: string }>(db.adminUrl, `select last_error from scheduled_check_runs where name = 'probe.daily'`);
    expect(row.last_error).toBe('probe failure');
    expect(await runner.run('probe.daily', new Date('2026-06-01T08:01:00Z'))).toEqual({ name: 'probe.daily', ran: true, emitted: 2 });
    await expect(runner.run('probe.unknown')).rejects.toThrow(/no scheduled check is named probe.unknown/);
  });
});
