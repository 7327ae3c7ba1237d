import { CsvColumn, fieldColumns } from '@libs/csv';
import { auditedPick, ChangesOf, pick, pickDefined } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { MaterialResponseDto, UpdateMaterialDto } from './material.dto';
import type { Material, materials } from './materials.schema';

const MATERIAL_FIELDS = ['name', 'group', 'lambda', 'densityKgM3', 'source', 'seeded'] as const satisfies readonly (keyof Material)[];

export const MATERIAL_AUDITED_FIELDS = MATERIAL_FIELDS;
export const MATERIAL_EXPORT_COLUMNS: CsvColumn<Material>[] = [
  ...fieldColumns<Material>(['id', 'createdAt', 'updatedAt']),
  { header: 'name_de', value: (m) => m.name.de },
  { header: 'name_en', value: (m) => m.name.en },
  ...fieldColumns<Material>(['group', 'lambda', 'densityKgM3', 'source', 'seeded', 'deletedAt']),
];

export function toMaterialResponse(material: Material): MaterialResponseDto {
  return auditedPick(material, MATERIAL_FIELDS);
}

export function materialColumns(dto: Partial<UpdateMaterialDto>, current?: Material): ChangesOf<typeof materials> {
  const columns = pickDefined(pick(dto, ['name', 'group', 'lambda', 'densityKgM3', 'source']));
  const name = columns.name ?? current?.name;
  return { ...columns, searchText: materialSearchText(name) };
}

export function materialSearchText(name: { de: string; en: string } | undefined): string {
  return buildSearchText([name?.de, name?.en]);
}
