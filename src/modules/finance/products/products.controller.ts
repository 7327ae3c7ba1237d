import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { CreateProductDto, ExportProductsQueryDto, ListProductsQueryDto, ProductPageDto, ProductResponseDto, UpdateProductDto } from './product.dto';
import { PRODUCT_EXPORT_COLUMNS } from './product.mapper';
import { ProductsService } from './products.service';

@ApiTags('finance')
@Controller('finance/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Post()
  @Operation({ permission: 'finance.products:create', summary: 'Create a product or service', created: ProductResponseDto, problems: [409, 422], idempotent: true })
  createProduct(@Body() dto: CreateProductDto): Promise<ProductResponseDto> {
    return this.products.create(dto);
  }

  @Get()
  @Operation({ permission: 'finance.products:read', summary: 'List products and services', ok: ProductPageDto })
  listProducts(@Query() query: ListProductsQueryDto): Promise<Page<ProductResponseDto>> {
    return this.products.list(query);
  }

  @Get('export')
  @Operation({ permission: 'finance.products:read', summary: 'Export products as CSV', description: 'Same filters and sort as the list; streamed, every matching row.', csv: true })
  exportProducts(@Query() query: ExportProductsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('products'), PRODUCT_EXPORT_COLUMNS, this.products.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'finance.products:read', summary: 'A product (ETag: its version)', ok: ProductResponseDto, problems: [404] })
  getProduct(@UuidParam() id: string): Promise<ProductResponseDto> {
    return this.products.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'finance.products:update', summary: 'Change a product (If-Match); documents already issued keep their copy', ok: ProductResponseDto, problems: [404, 409, 422], ifMatch: 'required' })
  updateProduct(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateProductDto): Promise<ProductResponseDto> {
    return this.products.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'finance.products:delete', summary: 'Soft-delete a product (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deleteProduct(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.products.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'finance.products:delete', summary: 'Restore a soft-deleted product', ok: ProductResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreProduct(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<ProductResponseDto> {
    return this.products.restore(id, version);
  }
}
