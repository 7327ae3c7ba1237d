import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Page } from '@libs/pagination';
import { Operation } from '@libs/resource';
import {
  ListRequirementSetsQueryDto,
  ListUValueMethodsQueryDto,
  RequirementSetPageDto,
  RequirementSetResponseDto,
  UValueMethodPageDto,
  UValueMethodResponseDto,
} from './reference-data.dto';
import { ReferenceDataService } from './reference-data.service';

/** The seeded, dated reference data the checks and calculations use (read-only; new versions arrive as seeds). */
@ApiTags('projects')
@Controller()
export class ReferenceDataController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Get('requirement-sets')
  @Operation({
    permission: 'projects.reference-data:read',
    summary: 'Requirement sets (GEG Anlage 7, BEG EM technical minimum requirements) with their dated versions and limits',
    ok: RequirementSetPageDto,
  })
  listRequirementSets(@Query() query: ListRequirementSetsQueryDto): Promise<Page<RequirementSetResponseDto>> {
    return this.reference.listRequirementSets(query);
  }

  @Get('requirement-sets/:id')
  @Operation({ permission: 'projects.reference-data:read', summary: 'One version of a requirement set with its limits', ok: RequirementSetResponseDto, problems: [404] })
  getRequirementSet(@UuidParam() id: string): Promise<RequirementSetResponseDto> {
    return this.reference.requirementSet(id);
  }

  @Get('u-value-methods')
  @Operation({ permission: 'projects.reference-data:read', summary: 'U-value calculation methods (DIN EN ISO 6946 editions) with rounding and surface resistances', ok: UValueMethodPageDto })
  listUValueMethods(@Query() query: ListUValueMethodsQueryDto): Promise<Page<UValueMethodResponseDto>> {
    return this.reference.listUValueMethods(query);
  }

  @Get('u-value-methods/:id')
  @Operation({ permission: 'projects.reference-data:read', summary: 'One U-value calculation method', ok: UValueMethodResponseDto, problems: [404] })
  getUValueMethod(@UuidParam() id: string): Promise<UValueMethodResponseDto> {
    return this.reference.uValueMethod(id);
  }
}
