import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import {
  CreateRuleVersionDto,
  EndRuleVersionDto,
  FundingProgramPageDto,
  FundingProgramResponseDto,
  FundingRuleVersionPageDto,
  FundingRuleVersionResponseDto,
  ListRuleVersionsQueryDto,
} from './program.dto';
import { ProgramsService } from './programs.service';

/** Funding programmes (seeded) and their dated rule versions; administrators enter new versions. */
@ApiTags('funding')
@Controller('funding')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Get('programs')
  @Operation({ permission: 'funding.programs:read', summary: 'Funding programmes with funding body, links and document checklist', ok: FundingProgramPageDto })
  listFundingPrograms(): Promise<Page<FundingProgramResponseDto>> {
    return this.programs.list();
  }

  @Get('programs/:id')
  @Operation({ permission: 'funding.programs:read', summary: 'A funding programme', ok: FundingProgramResponseDto, problems: [404] })
  getFundingProgram(@UuidParam() id: string): Promise<FundingProgramResponseDto> {
    return this.programs.get(id);
  }

  @Get('rule-versions')
  @Operation({ permission: 'funding.programs:read', summary: 'The dated rule versions (by programme, newest first), optionally of one programme or valid on one day', ok: FundingRuleVersionPageDto })
  listFundingRuleVersions(@Query() query: ListRuleVersionsQueryDto): Promise<Page<FundingRuleVersionResponseDto>> {
    return this.programs.listVersions(query);
  }

  @Post('programs/:id/rule-versions')
  @Operation({
    permission: 'funding.programs:manage',
    summary: 'Enter a new rule version of a programme (validity must not overlap its other versions)',
    created: FundingRuleVersionResponseDto,
    problems: [404, 409, 422],
    idempotent: true,
  })
  createFundingRuleVersion(@UuidParam() id: string, @Body() dto: CreateRuleVersionDto): Promise<FundingRuleVersionResponseDto> {
    return this.programs.createVersion(id, dto);
  }

  @Get('rule-versions/:id')
  @Operation({ permission: 'funding.programs:read', summary: 'A rule version with its body', ok: FundingRuleVersionResponseDto, problems: [404] })
  getFundingRuleVersion(@UuidParam() id: string): Promise<FundingRuleVersionResponseDto> {
    return this.programs.getVersion(id);
  }

  @Post('rule-versions/:id/end')
  @Operation({
    permission: 'funding.programs:manage',
    summary: "Bring a rule version's end forward (to make room for a successor)",
    ok: FundingRuleVersionResponseDto,
    problems: [404, 409, 422],
  })
  endFundingRuleVersion(@UuidParam() id: string, @Body() dto: EndRuleVersionDto): Promise<FundingRuleVersionResponseDto> {
    return this.programs.endVersion(id, dto);
  }
}
