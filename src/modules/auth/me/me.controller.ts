import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@libs/auth';
import { ApiProblemResponses } from '@libs/http';
import { MeDto, UpdateMeDto } from './me.dto';
import { MeService } from './me.service';

@ApiTags('auth')
@Controller('auth/me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @RequirePermission('auth.profile:read')
  @ApiOperation({ summary: 'The signed-in user, their roles and effective permissions' })
  @ApiOkResponse({ type: MeDto })
  getMe(): Promise<MeDto> {
    return this.me.get();
  }

  @Patch()
  @RequirePermission('auth.profile:update')
  @ApiOperation({ summary: 'Change your name, locale or password (a new password signs out your other sessions)' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblemResponses(400)
  updateMe(@Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.me.update(dto);
  }
}
