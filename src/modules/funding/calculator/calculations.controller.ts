import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { CalculationRequestDto, StoreCalculationDto } from './calculation.dto';
import { CalculationResultDto, ListStoredCalculationsQueryDto, StoredCalculationPageDto, StoredCalculationResponseDto } from './calculation-result.dto';
import { CalculationsService } from './calculations.service';

@ApiTags('funding')
@Controller('funding')
export class CalculationsController {
  constructor(private readonly calculations: CalculationsService) {}

  @Post('calculations')
  @Operation({
    permission: 'funding.calculations:create',
    summary: 'Calculate funding per route (BEG EM + KfW 458, KfW 261, §35c) with the best marked: a stateless preview',
    ok: CalculationResultDto,
    problems: [422],
  })
  calculateFunding(@Body() dto: CalculationRequestDto): Promise<CalculationResultDto> {
    return this.calculations.preview(dto);
  }

  @Post('stored-calculations')
  @Operation({
    permission: 'funding.calculations:create',
    summary: 'Calculate and store the funding of a scenario or one of its measures (immutable, with inputs and rule versions)',
    created: StoredCalculationResponseDto,
    problems: [403, 422],
    idempotent: true,
  })
  storeFundingCalculation(@Body() dto: StoreCalculationDto): Promise<StoredCalculationResponseDto> {
    return this.calculations.store(dto);
  }

  @Get('stored-calculations')
  @Operation({ permission: 'funding.calculations:read', summary: 'Stored funding calculations', ok: StoredCalculationPageDto })
  listStoredFundingCalculations(@Query() query: ListStoredCalculationsQueryDto): Promise<Page<StoredCalculationResponseDto>> {
    return this.calculations.list(query);
  }

  @Get('stored-calculations/:id')
  @Operation({ permission: 'funding.calculations:read', summary: 'A stored funding calculation', ok: StoredCalculationResponseDto, problems: [404] })
  getStoredFundingCalculation(@UuidParam() id: string): Promise<StoredCalculationResponseDto> {
    return this.calculations.get(id);
  }
}
