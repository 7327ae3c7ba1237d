import { Module } from '@nestjs/common';
import { CsvModule } from '@libs/csv';
import { IdempotencyModule } from '@libs/idempotency';
import { CrmModule } from '../crm';
import { DocumentsModule } from '../documents';
import { ProjectsModule } from '../projects';
import { FinalInvoiceDueCheck } from './checks/final-invoice-due.check';
import { FinanceNoticesRepository } from './checks/finance-notices.repository';
import { InvoiceOverdueCheck } from './checks/invoice-overdue.check';
import { ProjectCompletionSubscriber } from './checks/project-completion.subscriber';
import { DatevExportService } from './datev';
import { EInvoiceService } from './einvoice';
import { FinanceExportsController } from './exports/finance-exports.controller';
import { FinanceExportsService } from './exports/finance-exports.service';
import { InvoiceBalanceService } from './invoices/invoice-balance.service';
import { InvoiceCancellationService } from './invoices/invoice-cancellation.service';
import { InvoiceComposer } from './invoices/invoice-composer';
import { InvoiceFinalisationService } from './invoices/invoice-finalisation.service';
import { InvoiceFromQuoteController } from './invoices/invoice-from-quote.controller';
import { InvoiceFromQuoteService } from './invoices/invoice-from-quote.service';
import { InvoiceNumbersRepository } from './invoices/invoice-numbers.repository';
import { InvoicePdfService } from './invoices/invoice-pdf.service';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesRepository } from './invoices/invoices.repository';
import { InvoicesService } from './invoices/invoices.service';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsRepository } from './payments/payments.repository';
import { PaymentsService } from './payments/payments.service';
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
  controllers: [FinanceSettingsController, ProductsController, VatRatesController, InvoicesController, PaymentsController, FinanceExportsController, InvoiceFromQuoteController, ...QUOTES_CONTROLLERS],
  providers: [
    FinanceSettingsRepository,
    FinanceSettingsService,
    ProductsRepository,
    ProductsService,
    VatRatesRepository,
    VatRatesService,
    InvoicesRepository,
    InvoiceNumbersRepository,
    InvoicesService,
    InvoiceComposer,
    InvoiceFinalisationService,
    InvoiceCancellationService,
    InvoicePdfService,
    InvoiceBalanceService,
    InvoiceFromQuoteService,
    PaymentsRepository,
    PaymentsService,
    FinanceNoticesRepository,
    InvoiceOverdueCheck,
    FinalInvoiceDueCheck,
    ProjectCompletionSubscriber,
    EInvoiceService,
    DatevExportService,
    FinanceExportsService,
    ...QUOTES_PROVIDERS,
    FinanceQueries,
  ],
  exports: [FinanceQueries],
})
export class FinanceModule {}
