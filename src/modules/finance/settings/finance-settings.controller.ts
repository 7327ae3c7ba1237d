import { Body, Controller, Get, Headers, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { Operation } from '@libs/resource';
import { FinanceSettingsResponseDto, UpdateFinanceSettingsDto } from './finance-settings.dto';
import { FinanceSettingsService } from './finance-settings.service';

@ApiTags('finance')
@Controller('finance/settings')
export class FinanceSettingsController {
  constructor(private readonly settings: FinanceSettingsService) {}

  @Get()
  @Operation({ permission: 'finance.settings:read', summary: 'The organisation settings invoices are issued with (ETag: its version)', ok: FinanceSettingsResponseDto })
  getFinanceSettings(): Promise<FinanceSettingsResponseDto> {
    return this.settings.get();
  }

  @Patch()
  @Operation({ permission: 'finance.settings:update', summary: 'Change the organisation settings (If-Match)', ok: FinanceSettingsResponseDto, problems: [422], ifMatch: 'required' })
  updateFinanceSettings(@Headers('if-match') ifMatch: string | undefined, @Body() dto: UpdateFinanceSettingsDto): Promise<FinanceSettingsResponseDto> {
    // The settings route has no :id, so the ETag is checked against the row once it is loaded.
    return this.settings.update(ifMatch, dto);
  }
}
