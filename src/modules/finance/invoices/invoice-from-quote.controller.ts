import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Operation } from '@libs/resource';
import { InvoiceFromQuoteDto } from './invoice-from-quote.dto';
import { InvoiceFromQuoteService } from './invoice-from-quote.service';
import { InvoiceResponseDto } from './invoice.dto';

@ApiTags('finance')
@Controller('finance/quotes')
export class InvoiceFromQuoteController {
  constructor(private readonly fromQuote: InvoiceFromQuoteService) {}

  @Post(':id/invoices')
  @Operation({
    permission: 'finance.invoices:create',
    summary: 'A draft invoice from an accepted quote: a down payment (percent or gross amount of the quote, per VAT rate) or the final invoice of its lines',
    created: InvoiceResponseDto,
    problems: [404, 409, 422],
    idempotent: true,
  })
  createInvoiceFromQuote(@UuidParam() id: string, @Body() dto: InvoiceFromQuoteDto): Promise<InvoiceResponseDto> {
    return this.fromQuote.create(id, dto);
  }
}
