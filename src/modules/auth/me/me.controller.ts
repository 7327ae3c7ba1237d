import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '@libs/resource';
import { MeDto, UpdateMeDto } from './me.dto';
import { MeService } from './me.service';

@ApiTags('auth')
@Controller('auth/me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Operation({ permission: 'auth.profile:read', summary: 'The signed-in user, their roles and effective permissions', ok: MeDto })
  getMe(): Promise<MeDto> {
    return this.me.get();
  }

  @Patch()
  @Operation({ permission: 'auth.profile:update', summary: 'Change your name, locale or password (a new password signs out your other sessions)', ok: MeDto, problems: [403] })
  updateMe(@Body() dto: UpdateMeDto): Promise<MeDto> {
    return this.me.update(dto);
  }
}
