import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import type { FieldError } from '@libs/http';
import { ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { ProjectsErrors } from '../projects.errors';
import { PROJECTS_EVENTS } from '../projects.events';
import type { StoredLayer } from '../shared/layer';
import type { LayerDto } from '../shared/layer.dto';
import { CreateMaterialDto, MaterialResponseDto, UpdateMaterialDto } from './material.dto';
import { MATERIAL_AUDITED_FIELDS, materialColumns, toMaterialResponse } from './material.mapper';
import { MaterialFilters, MaterialsRepository } from './materials.repository';
import type { Material, materials } from './materials.schema';

const MATERIAL: ResourceDefinition<Material> = {
  name: 'material',
  code: 'PROJECTS_MATERIAL',
  permissions: resourcePermissions('projects.materials'),
  events: PROJECTS_EVENTS.material,
  auditedFields: MATERIAL_AUDITED_FIELDS,
};

/** The material catalogue: seeded reference materials (read-only) and those staff add; resolves layers against it. */
@Injectable()
export class MaterialsService extends ResourceService<typeof materials, MaterialFilters, MaterialResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    private readonly repository: MaterialsRepository,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, MATERIAL, toMaterialResponse);
  }

  async create(dto: CreateMaterialDto): Promise<MaterialResponseDto> {
    return toMaterialResponse(await this.steps.create({ ...materialColumns(dto), name: dto.name, group: dto.group, lambda: dto.lambda, source: dto.source, seeded: false }));
  }

  async update(id: string, version: number, dto: UpdateMaterialDto): Promise<MaterialResponseDto> {
    const updated = await this.steps.update(id, version, (current) => {
      if (current.seeded) throw ProjectsErrors.materialSeeded(id);
      return materialColumns(dto, current);
    });
    return toMaterialResponse(updated);
  }

  override async remove(id: string, version: number): Promise<void> {
    await this.steps.remove(id, version, (current) => {
      if (current.seeded) throw ProjectsErrors.materialSeeded(id);
    });
  }

  /**
   * Layers as stored: a named material's name and λ copied (the request may override either), or
   * the name with λ or an air layer's resistance. Unknown materials and missing values are 422s
   * naming `<path>[i].<field>`.
   */
  async resolveLayers(layers: readonly LayerDto[], path: string): Promise<StoredLayer[]> {
    const ids = [...new Set(layers.map((l) => l.materialId).filter((id): id is string => !!id))];
    const found = new Map((await this.repository.findLive(ids)).map((m) => [m.id, m]));
    const errors: FieldError[] = [];
    const resolved = layers.map((layer, index): StoredLayer => {
      const at = `${path}[${index}]`;
      const material = layer.materialId ? found.get(layer.materialId) : undefined;
      if (layer.materialId && !material) errors.push({ path: `${at}.materialId`, message: `${at}.materialId must reference an existing material` });
      const name = layer.name ?? material?.name.de ?? null;
      const resistance = layer.resistance ?? null;
      const lambda = resistance !== null ? null : (layer.lambda ?? material?.lambda ?? null);
      if (!name) errors.push({ path: `${at}.name`, message: 'a layer needs a name or a materialId' });
      if (lambda === null && resistance === null) errors.push({ path: `${at}.lambda`, message: 'a layer needs lambda (or a materialId), or an air layer its resistance' });
      if (layer.lambda != null && layer.resistance != null) errors.push({ path: `${at}.resistance`, message: 'give lambda or resistance, not both' });
      return { materialId: material?.id ?? null, name: name ?? '', thicknessMm: layer.thicknessMm, lambda, resistance };
    });
    if (errors.length) throw ProjectsErrors.invalid(errors);
    return resolved;
  }
}
