import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox } from '@libs/events';
import { ResourceDefinition, resourcePermissions, ResourceService } from '@libs/resource';
import { FINANCE_EVENTS } from '../finance.events';
import { CreateProductDto, ProductResponseDto, UpdateProductDto } from './product.dto';
import { PRODUCT_AUDITED_FIELDS, productColumns, toProductResponse } from './product.mapper';
import { ProductFilters, ProductsRepository } from './products.repository';
import type { Product, products } from './products.schema';

const PRODUCT: ResourceDefinition<Product> = {
  name: 'product',
  code: 'FINANCE_PRODUCT',
  permissions: resourcePermissions('finance.products'),
  events: FINANCE_EVENTS.product,
  auditedFields: PRODUCT_AUDITED_FIELDS,
};

/** The product and service catalogue quote and invoice lines copy from. */
@Injectable()
export class ProductsService extends ResourceService<typeof products, ProductFilters, ProductResponseDto> {
  constructor(
    @InjectTransactionHost() txHost: DbTransactionHost,
    private readonly repository: ProductsRepository,
    outbox: EventOutbox,
  ) {
    super({ txHost, outbox, repository }, PRODUCT, toProductResponse);
  }

  async create(dto: CreateProductDto): Promise<ProductResponseDto> {
    const row = await this.steps.create({
      ...productColumns(dto),
      sku: dto.sku,
      name: dto.name,
      kind: dto.kind,
      unit: dto.unit,
      unitPriceCents: dto.unitPriceCents,
      vatCategory: dto.vatCategory,
    });
    return toProductResponse(row);
  }

  async update(id: string, version: number, dto: UpdateProductDto): Promise<ProductResponseDto> {
    return toProductResponse(await this.steps.update(id, version, (current) => productColumns(dto, current)));
  }

  /** Live products by id, for lines that copy them (the caller reports unknown ids). */
  findLive(ids: readonly string[]): Promise<Product[]> {
    return this.repository.findLive(ids);
  }
}
