import { CsvColumn, fieldColumns } from '@libs/csv';
import { auditedPick, ChangesOf, pick, pickDefined } from '@libs/resource';
import { buildSearchText } from '@libs/search';
import type { ProductResponseDto, UpdateProductDto } from './product.dto';
import type { Product, products } from './products.schema';

const PRODUCT_FIELDS = ['sku', 'name', 'description', 'kind', 'unit', 'unitPriceCents', 'vatCategory', 'active'] as const satisfies readonly (keyof Product)[];

export const PRODUCT_AUDITED_FIELDS = PRODUCT_FIELDS;

export const PRODUCT_EXPORT_COLUMNS: CsvColumn<Product>[] = [
  ...fieldColumns<Product>(['id', 'createdAt', 'updatedAt', 'sku']),
  { header: 'name_de', value: (p) => p.name.de },
  { header: 'name_en', value: (p) => p.name.en },
  ...fieldColumns<Product>(['kind', 'unit', 'unitPriceCents', 'vatCategory', 'active', 'deletedAt']),
];

export function toProductResponse(product: Product): ProductResponseDto {
  return auditedPick(product, PRODUCT_FIELDS) as ProductResponseDto;
}

export function productColumns(dto: Partial<UpdateProductDto>, current?: Product): ChangesOf<typeof products> {
  const columns = pickDefined(pick(dto, PRODUCT_FIELDS));
  const name = columns.name ?? current?.name;
  const sku = columns.sku ?? current?.sku;
  return { ...columns, searchText: buildSearchText([sku, name?.de, name?.en]) };
}
