import { Module } from '@nestjs/common';
import { CsvModule } from '@libs/csv';
import { IdempotencyModule } from '@libs/idempotency';
import { CrmModule } from '../crm';
import { DocumentsModule } from '../documents';
import { ProjectsModule } from '../projects';
import { FinanceQueries } from './finance.queries';
import { ProductsController } from './products/products.controller';
import { ProductsRepository } from './products/products.repository';
import { ProductsService } from './products/products.service';
import { QUOTES_CONTROLLERS, QUOTES_PROVIDERS } from './quotes/quotes.providers';
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
  imports: [IdempotencyModule, CsvModule, CrmModule, ProjectsModule, DocumentsModule],
  controllers: [FinanceSettingsController, ProductsController, VatRatesController, ...QUOTES_CONTROLLERS],
  providers: [FinanceSettingsRepository, FinanceSettingsService, ProductsRepository, ProductsService, VatRatesRepository, VatRatesService, ...QUOTES_PROVIDERS, FinanceQueries],
  exports: [FinanceQueries],
})
export class FinanceModule {}
