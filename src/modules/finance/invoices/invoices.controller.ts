import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { PaymentResponseDto, RecordPaymentDto } from '../payments/payment.dto';
import { PaymentsService } from '../payments/payments.service';
import { InvoiceCancellationService } from './invoice-cancellation.service';
import { InvoiceFinalisationService } from './invoice-finalisation.service';
import { CancelInvoiceDto, CreateInvoiceDto, ExportInvoicesQueryDto, InvoicePageDto, InvoiceResponseDto, InvoiceSummaryDto, ListInvoicesQueryDto, UpdateInvoiceDto } from './invoice.dto';
import { INVOICE_EXPORT_COLUMNS } from './invoice.mapper';
import { InvoicesService } from './invoices.service';

@ApiTags('finance')
@Controller('finance/invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly finalisation: InvoiceFinalisationService,
    private readonly cancellation: InvoiceCancellationService,
    private readonly payments: PaymentsService,
  ) {}

  @Post()
  @Operation({ permission: 'finance.invoices:create', summary: 'Create a draft invoice', created: InvoiceResponseDto, problems: [403, 422], idempotent: true })
  createInvoice(@Body() dto: CreateInvoiceDto): Promise<InvoiceResponseDto> {
    return this.invoices.create(dto);
  }

  @Get()
  @Operation({ permission: 'finance.invoices:read', summary: 'List invoices (without lines)', ok: InvoicePageDto })
  listInvoices(@Query() query: ListInvoicesQueryDto): Promise<Page<InvoiceSummaryDto>> {
    return this.invoices.list(query);
  }

  @Get('export')
  @Operation({ permission: 'finance.invoices:read', summary: 'Export invoices as CSV', description: 'Same filters and sort as the list; streamed, every matching row.', csv: true })
  exportInvoices(@Query() query: ExportInvoicesQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('invoices'), INVOICE_EXPORT_COLUMNS, this.invoices.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'finance.invoices:read', summary: 'An invoice with its lines (ETag: its version)', ok: InvoiceResponseDto, problems: [404] })
  getInvoice(@UuidParam() id: string): Promise<InvoiceResponseDto> {
    return this.invoices.detail(id);
  }

  @Patch(':id')
  @Operation({ permission: 'finance.invoices:update', summary: 'Change a draft invoice (If-Match); `lines` replaces all lines', ok: InvoiceResponseDto, problems: [403, 404, 409, 422], ifMatch: 'required' })
  updateInvoice(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateInvoiceDto): Promise<InvoiceResponseDto> {
    return this.invoices.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'finance.invoices:delete', summary: 'Soft-delete a draft invoice (If-Match); finalised invoices are cancelled instead', noContent: 'Deleted', problems: [404, 409], ifMatch: 'required' })
  deleteInvoice(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.invoices.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'finance.invoices:delete', summary: 'Restore a soft-deleted draft invoice', ok: InvoiceResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreInvoice(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<InvoiceResponseDto> {
    return this.invoices.restoreDetail(id, version);
  }

  @Post(':id/finalize')
  @Operation({
    permission: 'finance.invoices:finalize',
    summary: 'Finalise a draft: §14(4) UStG check (422 listing what is missing), gap-free number, frozen content, PDF',
    ok: InvoiceResponseDto,
    problems: [404, 409, 422],
    ifMatch: 'optional',
  })
  finalizeInvoice(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<InvoiceResponseDto> {
    return this.finalisation.finalize(id, version);
  }

  @Post(':id/send')
  @Operation({ permission: 'finance.invoices:update', summary: 'Mark a finalised invoice as sent to its recipient', ok: InvoiceResponseDto, problems: [404, 409], ifMatch: 'optional' })
  sendInvoice(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<InvoiceResponseDto> {
    return this.finalisation.send(id, version);
  }

  @Post(':id/cancel')
  @Operation({
    permission: 'finance.invoices:cancel',
    summary: 'Cancel a finalised invoice: issues the cancellation invoice (own number, negated amounts) and answers it',
    ok: InvoiceResponseDto,
    problems: [404, 409, 422],
    ifMatch: 'optional',
  })
  cancelInvoice(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: CancelInvoiceDto): Promise<InvoiceResponseDto> {
    return this.cancellation.cancel(id, version, dto.reason);
  }

  @Post(':id/pdf')
  @Operation({ permission: 'finance.invoices:read', summary: 'Render the PDF of a finalised invoice if it has none yet (download through the documents API)', ok: InvoiceResponseDto, problems: [404, 409, 422] })
  renderInvoicePdf(@UuidParam() id: string): Promise<InvoiceResponseDto> {
    return this.finalisation.ensurePdf(id);
  }

  @Post(':id/payments')
  @Operation({ permission: 'finance.payments:create', summary: 'Record a payment received for a finalised invoice; its status follows', created: PaymentResponseDto, problems: [404, 409, 422], idempotent: true })
  recordPayment(@UuidParam() id: string, @Body() dto: RecordPaymentDto): Promise<PaymentResponseDto> {
    return this.payments.record(id, dto);
  }
}
