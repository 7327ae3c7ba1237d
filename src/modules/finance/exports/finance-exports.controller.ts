import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { UuidParam } from '@libs/http';
import { Operation } from '@libs/resource';
import { DatevExportQueryDto } from './finance-exports.dto';
import { ExportFile, FinanceExportsService } from './finance-exports.service';

async function sendFile(reply: FastifyReply, file: ExportFile): Promise<void> {
  await reply
    .code(200)
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
    .header('ETag', `"${createHash('sha256').update(file.bytes).digest('hex')}"`)
    .send(file.bytes);
}

@ApiTags('finance')
@Controller('finance')
export class FinanceExportsController {
  constructor(private readonly exports: FinanceExportsService) {}

  @Get('invoices/:id/xrechnung')
  @Operation({
    permission: 'finance.exports:read',
    summary: 'The invoice as XRechnung 3.0 (CII XML); B2B only — a B2C invoice is refused (422, PDF only)',
    file: true,
    problems: [404, 409, 422],
  })
  async getInvoiceXrechnung(@UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, await this.exports.xrechnung(id));
  }

  @Get('invoices/:id/facturx')
  @Operation({
    permission: 'finance.exports:read',
    summary: 'The invoice as ZUGFeRD / Factur-X EN 16931 (PDF/A-3 with the CII XML embedded); B2B only (422 for B2C)',
    file: true,
    problems: [404, 409, 422],
  })
  async getInvoiceFacturx(@UuidParam() id: string, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, await this.exports.facturX(id));
  }

  @Get('exports/datev')
  @Operation({
    permission: 'finance.exports:read',
    summary: 'Invoices and payments of a period as DATEV Buchungsstapel (EXTF CSV, Windows-1252)',
    description: 'The period lies inside one fiscal year and spans at most 366 days; SKR03/SKR04 accounts come from the organisation settings (422 naming what is missing).',
    file: true,
    problems: [422],
  })
  async exportDatev(@Query() query: DatevExportQueryDto, @Res() reply: FastifyReply): Promise<void> {
    await sendFile(reply, await this.exports.datevBuchungsstapel(query.from, query.to));
  }
}
