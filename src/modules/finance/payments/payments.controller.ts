import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { ExportPaymentsQueryDto, ListPaymentsQueryDto, PaymentPageDto, PaymentResponseDto, UpdatePaymentDto } from './payment.dto';
import { PAYMENT_EXPORT_COLUMNS } from './payment.mapper';
import { PaymentsService } from './payments.service';

/** Payments are recorded at POST /finance/invoices/{id}/payments; here they are read and corrected. */
@ApiTags('finance')
@Controller('finance/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get()
  @Operation({ permission: 'finance.payments:read', summary: 'List payments received', ok: PaymentPageDto })
  listPayments(@Query() query: ListPaymentsQueryDto): Promise<Page<PaymentResponseDto>> {
    return this.payments.list(query);
  }

  @Get('export')
  @Operation({ permission: 'finance.payments:read', summary: 'Export payments as CSV', description: 'Same filters and sort as the list; streamed, every matching row.', csv: true })
  exportPayments(@Query() query: ExportPaymentsQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('payments'), PAYMENT_EXPORT_COLUMNS, this.payments.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'finance.payments:read', summary: 'A payment (ETag: its version)', ok: PaymentResponseDto, problems: [404] })
  getPayment(@UuidParam() id: string): Promise<PaymentResponseDto> {
    return this.payments.get(id);
  }

  @Patch(':id')
  @Operation({ permission: 'finance.payments:update', summary: 'Correct a payment (If-Match); the invoice status follows', ok: PaymentResponseDto, problems: [404, 422], ifMatch: 'required' })
  updatePayment(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdatePaymentDto): Promise<PaymentResponseDto> {
    return this.payments.update(id, version, dto);
  }

  @Delete(':id')
  @Operation({ permission: 'finance.payments:delete', summary: 'Soft-delete a payment recorded by mistake (If-Match)', noContent: 'Deleted', problems: [404], ifMatch: 'required' })
  deletePayment(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.payments.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'finance.payments:delete', summary: 'Restore a soft-deleted payment', ok: PaymentResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restorePayment(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<PaymentResponseDto> {
    return this.payments.restore(id, version);
  }
}
