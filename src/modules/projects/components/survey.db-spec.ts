import { lazyProvider, type ModuleTestUser } from '@libs/testing/module-context';
import { seedUuid } from '../../../db/seeds/seed-utils';
import { createContact, expectAppError, useProjectsTestContext } from '../../../../test/support/projects-fixtures';
import { BuildingSystemsService } from '../building-systems/building-systems.service';
import { BuildingsService } from '../buildings/buildings.service';
import { MaterialsService } from '../materials/materials.service';
import type { ListMaterialsQueryDto } from '../materials/material.dto';
import { ProjectCreationService } from '../projects/project-creation.service';
import { ReferenceDataService } from '../reference/reference-data.service';
import type { ListComponentsQueryDto } from './component.dto';
import { ComponentsService } from './components.service';

describe('survey: buildings, components, plant, materials (module, PostgreSQL)', () => {
  const ctx = useProjectsTestContext();
  const buildings = lazyProvider(ctx, BuildingsService);
  const components = lazyProvider(ctx, ComponentsService);
  const systems = lazyProvider(ctx, BuildingSystemsService);
  const materials = lazyProvider(ctx, MaterialsService);
  let erik: ModuleTestUser, frida: ModuleTestUser;
  let projectId: string, buildingId: string;
  const asErik = <T>(fn: () => Promise<T>) => ctx.as(erik, 'department', fn);

  beforeAll(async () => {
    ({ erik, frida } = ctx.users);
    const contactId = await createContact(ctx, erik, 'Survey');
    projectId = (await asErik(() => ctx.get(ProjectCreationService).create({ title: 'Aufnahme', contactId }))).id;
    buildingId = (await asErik(() => buildings.create({ projectId, buildingType: 'single_family', yearOfConstruction: 1965, residentialUnits: 1, ownerOccupiedUnits: 1 }))).id;
  });

  it('seeds at least 40 materials, the U-value method and the GEG/BEG versions', async () => {
    const page = await asErik(() => materials.list({ limit: 200, deleted: 'exclude', seeded: true } as ListMaterialsQueryDto));
    expect(page.items.length).toBeGreaterThanOrEqual(40);
    expect(page.items.every((m) => m.source.length > 0 && m.lambda > 0)).toBe(true);
    const reference = ctx.get(ReferenceDataService);
    const sets = await reference.listRequirementSets({});
    expect(sets.items.map((s) => `${s.key} ${s.validFrom}..${s.validTo ?? ''}`)).toEqual([
      'beg_em_tma 2024-01-01..2026-07-20',
      'beg_em_tma 2026-07-21..2030-12-31',
      'geg_anlage_7 2020-11-01..2026-07-28',
      'geg_anlage_7 2026-07-29..',
    ]);
    const onDay = await reference.listRequirementSets({ validOn: '2026-07-21' });
    expect(onDay.items.map((s) => s.versionLabel)).toEqual(['BEG EM 2026', 'GEG 2020']);
    const wall = onDay.items[0].limits.find((l) => l.category === 'external_wall_air');
    expect(wall).toMatchObject({ uMax: 0.2, quantity: 'u' });
    const methods = await reference.listUValueMethods({ validOn: '2026-12-01' });
    expect(methods.items).toHaveLength(1);
    expect(methods.items[0].surfaceResistances).toHaveLength(9);
  });

  it('versions of one requirement set cannot overlap (exclusion constraint)', async () => {
    await expect(
      ctx.admin.query(`insert into requirement_sets (key, kind, short_name, name, version_label, legal_basis, valid_from, valid_to, source)
                       values ('beg_em_tma', 'funding_minimum', '{"de":"x","en":"x"}', '{"de":"x","en":"x"}', 'overlap', 'x', '2030-01-01', null, 'test')`),
    ).rejects.toThrow(/requirement_sets_no_overlap/);
  });

  it('computes a wall’s U-value from its layers (catalogue λ copied, unrounded and rounded, method recorded)', async () => {
    const plaster = seedUuid('materials', 'putz-kalkzement');
    const brick = seedUuid('materials', 'hlz-1200');
    const wall = await asErik(() =>
      components.create({
        buildingId,
        name: 'Außenwand Nord',
        category: 'external_wall_air',
        orientation: 'n',
        areaM2: 42.5,
        layers: [
          { materialId: plaster, thicknessMm: 15 },
          { materialId: brick, thicknessMm: 300 },
          { name: 'Außenputz', thicknessMm: 20, lambda: 0.87 },
        ],
      }),
    );
    const expected = 1 / (0.13 + 0.015 / 1.0 + 0.3 / 0.5 + 0.02 / 0.87 + 0.04);
    expect(wall.uValue).toBeCloseTo(expected, 10);
    expect(wall).toMatchObject({ uValueRounded: 1.2, uValueSource: 'computed', projectId, layers: [{ name: 'Putzmörtel aus Kalk, Kalkzement, hydraulischem Kalk', lambda: 1 }, { lambda: 0.5 }, { materialId: null }] });
    expect(wall.uValueMethodId).toBeTruthy();
    // A thermal change recomputes it; a name change leaves it.
    const insulated = await asErik(() => components.update(wall.id, wall.version, { layers: [...wall.layers, { name: 'EPS', thicknessMm: 140, lambda: 0.035 }] }));
    expect(insulated.uValue).toBeCloseTo(1 / (1 / expected + 4), 10);
    const renamed = await asErik(() => components.update(wall.id, insulated.version, { name: 'Außenwand N' }));
    expect(renamed.uValue).toBe(insulated.uValue);
  });

  it('takes declared values for windows, refuses layers there and ambiguous input', async () => {
    const window = await asErik(() => components.create({ buildingId, name: 'Fenster Süd', category: 'window', declaredUValue: 2.8, areaM2: 12 }));
    expect(window).toMatchObject({ uValue: 2.8, uValueRounded: 2.8, uValueSource: 'declared' });
    const error = await expectAppError(asErik(() => components.create({ buildingId, name: 'Fenster', category: 'window', layers: [{ name: 'Glas', thicknessMm: 4, lambda: 1 }] })), 422, 'PROJECTS_INVALID');
    expect(error.errors).toEqual([{ path: 'layers', message: 'a window has a declared U-value (EN ISO 10077/12631), not layers' }]);
    await expectAppError(
      asErik(() => components.create({ buildingId, name: 'Wand', category: 'external_wall_air', declaredUValue: 1.2, layers: [{ name: 'Ziegel', thicknessMm: 300, lambda: 0.5 }] })),
      422,
      'PROJECTS_INVALID',
    );
    const missing = await expectAppError(
      asErik(() => components.create({ buildingId, name: 'Wand', category: 'external_wall_air', layers: [{ materialId: '00000000-0000-4000-8000-00000000dead', thicknessMm: 300 }, { thicknessMm: 10 }] })),
      422,
      'PROJECTS_INVALID',
    );
    expect((missing.errors as { path: string }[]).map((e) => e.path)).toEqual(['layers[0].materialId', 'layers[0].name', 'layers[0].lambda', 'layers[1].name', 'layers[1].lambda']);
  });

  it('keeps components in their building’s project scope', async () => {
    const list = (user: ModuleTestUser, scope: 'own' | 'department') => ctx.as(user, scope, () => components.list({ limit: 200, deleted: 'exclude', buildingId } as ListComponentsQueryDto));
    expect((await list(erik, 'own')).items.length).toBeGreaterThan(0);
    expect((await list(frida, 'department')).items.length).toBeGreaterThan(0);
    expect((await list(frida, 'own')).items).toEqual([]);
    expect((await list(ctx.users.otto, 'department')).items).toEqual([]);
    await expectAppError(ctx.as(frida, 'own', () => components.create({ buildingId, name: 'Fremd', category: 'flat_roof' })), 422, 'REFERENCE_NOT_FOUND');
  });

  it('records plant with fields that fit its kind', async () => {
    const boiler = await asErik(() => systems.create({ buildingId, kind: 'heat_generator', energyCarrier: 'natural_gas', powerKw: 24, yearInstalled: 1994 }));
    expect(boiler).toMatchObject({ projectId, kind: 'heat_generator', powerKw: 24 });
    await expectAppError(asErik(() => systems.create({ buildingId, kind: 'photovoltaics', heatRecovery: true })), 422, 'PROJECTS_INVALID');
    await expectAppError(asErik(() => systems.update(boiler.id, boiler.version, { kind: 'storage', capacityKwh: 10, powerKw: null, hydraulicallyBalanced: true })), 422, 'PROJECTS_INVALID');
  });

  it('building units: owner-occupied cannot outnumber residential units', async () => {
    await expectAppError(asErik(() => buildings.create({ projectId, residentialUnits: 2, ownerOccupiedUnits: 3 })), 422, 'PROJECTS_INVALID');
    const building = await asErik(() => buildings.create({ projectId, residentialUnits: 2, ownerOccupiedUnits: 1 }));
    await expectAppError(asErik(() => buildings.update(building.id, building.version, { residentialUnits: 0 as number })), 422, 'PROJECTS_INVALID');
  });

  it('materials: staff add and edit their own; seeded ones are read-only', async () => {
    const seeded = seedUuid('materials', 'eps-035');
    const current = await asErik(() => materials.get(seeded));
    await expectAppError(asErik(() => materials.update(seeded, current.version, { lambda: 0.04 })), 409, 'PROJECTS_MATERIAL_SEEDED');
    await expectAppError(asErik(() => materials.remove(seeded, current.version)), 409, 'PROJECTS_MATERIAL_SEEDED');
    const own = await asErik(() => materials.create({ name: { de: 'Hanfdämmmatte', en: 'Hemp insulation mat' }, group: 'insulation', lambda: 0.04, source: 'Leistungserklärung 2025' }));
    const found = await asErik(() => materials.list({ limit: 10, deleted: 'exclude', q: 'hemp' } as ListMaterialsQueryDto));
    expect(found.items.map((m) => m.id)).toEqual([own.id]);
    expect(await asErik(() => materials.update(own.id, own.version, { lambda: 0.041 }))).toMatchObject({ lambda: 0.041, seeded: false });
  });
});
