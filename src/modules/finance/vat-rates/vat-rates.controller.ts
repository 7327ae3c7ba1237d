import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '@libs/resource';
import { ListVatRatesQueryDto, VatRateResponseDto } from './vat-rate.dto';
import { VatRatesService } from './vat-rates.service';

@ApiTags('finance')
@Controller('finance/vat-rates')
export class VatRatesController {
  constructor(private readonly vatRates: VatRatesService) {}

  @Get()
  @Operation({ permission: 'finance.products:read', summary: 'VAT rates by category with their validity (dated reference data)', ok: [VatRateResponseDto] })
  listVatRates(@Query() query: ListVatRatesQueryDto): Promise<VatRateResponseDto[]> {
    return this.vatRates.list(query.on);
  }
}
