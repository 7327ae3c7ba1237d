import { createDatabase } from '@libs/db';
import { Pool } from 'pg';
import { ScenarioPresentationService } from '../../modules/projects/scenarios/scenario-presentation.service';
import { useProjectsTestContext } from '../../../test/support/projects-fixtures';
import { demoHouseSeed } from './demo-house.seed';
import { SEEDS } from './index';
import { runSeeds } from './seed-runner';
import { seedUuid } from './seed-utils';

describe('demo seed: the 1965 single-family house', () => {
  const ctx = useProjectsTestContext();
  const quiet = { info: () => undefined, warn: () => undefined };

  it('is only seeded on request, then once: a surveyed project with components, plant and a presentable 4-package iSFP', async () => {
    const pool = new Pool({ connectionString: ctx.db.appUrl, max: 2 });
    try {
      const plain = await runSeeds(createDatabase(pool), SEEDS, { env: { nodeEnv: 'test' }, log: quiet });
      expect(plain.applied).toEqual([]);
      const demo = await runSeeds(createDatabase(pool), SEEDS, { env: { nodeEnv: 'test' }, log: quiet, includeDemo: true });
      expect(demo.applied).toContain(demoHouseSeed.key);
      expect((await runSeeds(createDatabase(pool), SEEDS, { env: { nodeEnv: 'test' }, log: quiet, includeDemo: true })).applied).toEqual([]);
    } finally {
      await pool.end();
    }
    const { rows: components } = await ctx.admin.query(`select name, u_value_rounded, u_value_source from building_components where project_id = $1 order by name`, [seedUuid('demo', 'projects:weber-1965:project')]);
    expect(components).toEqual([
      { name: 'Außenwand Nord/Ost', u_value_rounded: '1.2000', u_value_source: 'computed' },
      { name: 'Außenwand Süd/West', u_value_rounded: '1.2000', u_value_source: 'computed' },
      { name: 'Fenster (Kunststoff, 2-fach Isolierverglasung)', u_value_rounded: '2.7000', u_value_source: 'declared' },
      { name: 'Haustür (Holz)', u_value_rounded: '3.0000', u_value_source: 'declared' },
      { name: 'Kellerdecke', u_value_rounded: '2.2000', u_value_source: 'computed' },
      { name: 'Oberste Geschossdecke', u_value_rounded: '0.9500', u_value_source: 'computed' },
    ]);
    const scenarioId = seedUuid('demo', 'projects:weber-1965:scenario');
    const presented = await ctx.as(ctx.users.erik, 'all', () => ctx.get(ScenarioPresentationService).present(scenarioId, undefined));
    expect(presented.scenario.packages).toHaveLength(4);
    expect(presented.detail.measures).toHaveLength(8);
    const outcomes = presented.detail.measures.flatMap((m) => m.checks.map((c) => `${m.kind}:${c.requirementSetKey}:${c.outcome}:${c.uValueRounded}`));
    expect(outcomes).toEqual([
      'ceiling_insulation:beg_em_tma:pass:0.13',
      'ceiling_insulation:geg_anlage_7:pass:0.13',
      'floor_insulation:beg_em_tma:pass:0.18',
      'floor_insulation:geg_anlage_7:pass:0.18',
      'windows:beg_em_tma:pass:0.9',
      'windows:geg_anlage_7:pass:0.9',
      'doors:beg_em_tma:pass:1.2',
      'doors:geg_anlage_7:pass:1.2',
      'wall_insulation:beg_em_tma:pass:0.17',
      'wall_insulation:geg_anlage_7:pass:0.17',
      'wall_insulation:beg_em_tma:pass:0.17',
      'wall_insulation:geg_anlage_7:pass:0.17',
    ]);
  });
});
