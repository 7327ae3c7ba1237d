import { Module } from '@nestjs/common';
import { CsvModule } from '@libs/csv';
import { IdempotencyModule } from '@libs/idempotency';
import { ProductsController } from './products/products.controller';
import { ProductsRepository } from './products/products.repository';
import { ProductsService } from './products/products.service';
import { FinanceSettingsController } from './settings/finance-settings.controller';
import { FinanceSettingsRepository } from './settings/finance-settings.repository';
import { FinanceSettingsService } from './settings/finance-settings.service';
import { VatRatesController } from './vat-rates/vat-rates.controller';
import { VatRatesRepository } from './vat-rates/vat-rates.repository';
import { VatRatesService } from './vat-rates/vat-rates.service';

/**
 * The Finance context: organisation settings, the product catalogue, dated VAT rates, quotes,
 * invoices with gap-free numbers and payments; e-invoice and DATEV exports. Others use its events
 * (`finance.quote.accepted`, …) and FinanceQueries.
 */
@Module({
  imports: [IdempotencyModule, CsvModule],
  controllers: [FinanceSettingsController, ProductsController, VatRatesController],
  providers: [FinanceSettingsRepository, FinanceSettingsService, ProductsRepository, ProductsService, VatRatesRepository, VatRatesService],
})
export class FinanceModule {}
