import { Body, Controller, Delete, Get, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { csvFile, exportFileName } from '@libs/csv';
import { IfMatch, UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { AcceptQuoteDto, CreateQuoteDto, ExportQuotesQueryDto, ListQuotesQueryDto, QuotePageDto, QuoteResponseDto, QuoteVersionResponseDto, RejectQuoteDto, UpdateQuoteDto } from './quote.dto';
import { QUOTE_EXPORT_COLUMNS } from './quote.mapper';
import { QuoteAnswersService } from './quote-answers.service';
import { QuoteWritingService } from './quote-writing.service';
import { QuotesService } from './quotes.service';

@ApiTags('finance')
@Controller('finance/quotes')
export class QuotesController {
  constructor(
    private readonly quotes: QuotesService,
    private readonly writing: QuoteWritingService,
    private readonly answers: QuoteAnswersService,
  ) {}

  @Post()
  @Operation({
    permission: 'finance.quotes:create',
    summary: 'Create a quote (numbered now)',
    description: 'A draft for a project, addressed to the project\'s contact (or the one named), with its lines priced with today\'s VAT rates.',
    created: QuoteResponseDto,
    problems: [403, 422],
    idempotent: true,
  })
  createQuote(@Body() dto: CreateQuoteDto): Promise<QuoteResponseDto> {
    return this.writing.create(dto);
  }

  @Get()
  @Operation({ permission: 'finance.quotes:read', summary: 'List quotes (without their versions)', ok: QuotePageDto })
  listQuotes(@Query() query: ListQuotesQueryDto): Promise<Page<QuoteResponseDto>> {
    return this.quotes.list(query);
  }

  @Get('export')
  @Operation({ permission: 'finance.quotes:read', summary: 'Export quotes as CSV', csv: true })
  exportQuotes(@Query() query: ExportQuotesQueryDto): Promise<StreamableFile> {
    return csvFile(exportFileName('quotes'), QUOTE_EXPORT_COLUMNS, this.quotes.export(query));
  }

  @Get(':id')
  @Operation({ permission: 'finance.quotes:read', summary: 'A quote with its newest version (ETag: its version)', ok: QuoteResponseDto, problems: [404] })
  getQuote(@UuidParam() id: string): Promise<QuoteResponseDto> {
    return this.quotes.get(id);
  }

  @Get(':id/versions')
  @Operation({ permission: 'finance.quotes:read', summary: 'Every version of a quote, oldest first, as it was written or sent', ok: [QuoteVersionResponseDto], problems: [404] })
  listQuoteVersions(@UuidParam() id: string): Promise<QuoteVersionResponseDto[]> {
    return this.quotes.versionsOf(id);
  }

  @Patch(':id')
  @Operation({
    permission: 'finance.quotes:update',
    summary: 'Change a quote (If-Match): a draft in place, a sent one as its next version',
    description: 'A sent, rejected or expired quote keeps what the customer received and gets a new draft version; an accepted quote is the contract (409 FINANCE_QUOTE_ACCEPTED).',
    ok: QuoteResponseDto,
    problems: [403, 404, 409, 422],
    ifMatch: 'required',
  })
  updateQuote(@UuidParam() id: string, @IfMatch() version: number, @Body() dto: UpdateQuoteDto): Promise<QuoteResponseDto> {
    return this.writing.update(id, version, dto);
  }

  @Post(':id/send')
  @Operation({
    permission: 'finance.quotes:send',
    summary: 'Send the draft version: its PDF is rendered and stored, the version sent before it superseded',
    description: 'Only a draft can be sent (409 otherwise); it needs a priced item, a recipient address and a validity date not in the past (422).',
    ok: QuoteResponseDto,
    problems: [404, 409, 422],
    ifMatch: 'optional',
    idempotent: true,
  })
  sendQuote(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<QuoteResponseDto> {
    return this.answers.send(id, version);
  }

  @Post(':id/accept')
  @Operation({
    permission: 'finance.quotes:accept',
    summary: "Record the customer's acceptance of the sent version (who, when, how, with or without the funding clause)",
    description: 'Emits `finance.quote.accepted`. Only a sent version can be accepted, once (409); not after its validity date (422).',
    ok: QuoteResponseDto,
    problems: [404, 409, 422],
    ifMatch: 'optional',
    idempotent: true,
  })
  acceptQuote(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: AcceptQuoteDto): Promise<QuoteResponseDto> {
    return this.answers.accept(id, version, dto);
  }

  @Post(':id/reject')
  @Operation({ permission: 'finance.quotes:accept', summary: "Record the customer's rejection of the sent version", ok: QuoteResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  rejectQuote(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined, @Body() dto: RejectQuoteDto): Promise<QuoteResponseDto> {
    return this.answers.reject(id, version, dto.reason);
  }

  @Delete(':id')
  @Operation({ permission: 'finance.quotes:delete', summary: 'Soft-delete a quote never sent (If-Match); its number stays taken', noContent: 'Deleted', problems: [404, 409], ifMatch: 'required' })
  deleteQuote(@UuidParam() id: string, @IfMatch() version: number): Promise<void> {
    return this.quotes.remove(id, version);
  }

  @Post(':id/restore')
  @Operation({ permission: 'finance.quotes:delete', summary: 'Restore a soft-deleted quote', ok: QuoteResponseDto, problems: [404, 409], ifMatch: 'optional', idempotent: true })
  restoreQuote(@UuidParam() id: string, @IfMatch({ optional: true }) version: number | undefined): Promise<QuoteResponseDto> {
    return this.quotes.restore(id, version);
  }
}
