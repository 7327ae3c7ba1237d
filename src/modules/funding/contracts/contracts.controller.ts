import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import { ContractPageDto, ContractResponseDto, ListContractsQueryDto, RecordContractDto } from './contract.dto';
import { ContractsService } from './contracts.service';

/** Works contracts of projects as the start-of-project rule sees them. */
@ApiTags('funding')
@Controller('funding/contracts')
export class ContractsController {
  constructor(private readonly contracts: ContractsService) {}

  @Post()
  @Operation({ permission: 'funding.contracts:create', summary: 'Record a works contract signed outside the system (with or without the funding clause)', created: ContractResponseDto, problems: [403, 422], idempotent: true })
  recordFundingContract(@Body() dto: RecordContractDto): Promise<ContractResponseDto> {
    return this.contracts.record(dto);
  }

  @Get()
  @Operation({ permission: 'funding.contracts:read', summary: 'Contracts of projects (recorded, or from accepted quotes)', ok: ContractPageDto })
  listFundingContracts(@Query() query: ListContractsQueryDto): Promise<Page<ContractResponseDto>> {
    return this.contracts.list(query);
  }

  @Get(':id')
  @Operation({ permission: 'funding.contracts:read', summary: 'A contract', ok: ContractResponseDto, problems: [404] })
  getFundingContract(@UuidParam() id: string): Promise<ContractResponseDto> {
    return this.contracts.get(id);
  }
}
