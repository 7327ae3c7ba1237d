import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '@libs/http';
import { Operation } from '@libs/resource';
import { CreateCustomerLinkDto, CustomerAppointmentViewDto, CustomerLinkResponseDto, CustomerResponseDto } from './customer-link.dto';
import { CustomerSelfService } from './customer-self-service.service';

const TOKEN_PARAM = { name: 'token', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$', maxLength: 43, example: 'Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm8' } } as const;

@ApiTags('scheduling')
@Controller('appointments')
export class CustomerLinksController {
  constructor(private readonly selfService: CustomerSelfService) {}

  @Post(':id/customer-links')
  @Operation({
    permission: 'scheduling.appointments:update',
    summary: 'Create a self-service link for the customer (confirm, cancel, pick an alternative)',
    description: 'The token is shown once (only its hash is kept) and expires after `expiresInHours`. Not idempotent: the answer carries a secret.',
    created: CustomerLinkResponseDto,
    problems: [404, 409, 422],
  })
  createCustomerLink(@UuidParam() id: string, @Body() dto: CreateCustomerLinkDto): Promise<CustomerLinkResponseDto> {
    return this.selfService.createLink(id, dto);
  }
}

/** The customer's endpoints, without a login; rate limited per client address. */
@ApiTags('scheduling')
@Controller('public/appointment-links')
export class PublicAppointmentLinksController {
  constructor(private readonly selfService: CustomerSelfService) {}

  @Get(':token')
  @ApiParam(TOKEN_PARAM)
  @Operation({ permission: 'public', summary: 'The appointment behind a customer link', ok: CustomerAppointmentViewDto, problems: [404, 410, 429] })
  getCustomerAppointment(@Param('token') token: string): Promise<CustomerAppointmentViewDto> {
    return this.selfService.view(token);
  }

  @Post(':token/response')
  @ApiParam(TOKEN_PARAM)
  @Operation({
    permission: 'public',
    summary: 'The customer answers: confirm, cancel or pick an offered alternative',
    description: '`pick_alternative` needs `alternative` (422 otherwise); a taken alternative is a 409. Cancelling uses the link up.',
    ok: CustomerAppointmentViewDto,
    problems: [404, 409, 410, 422, 429],
  })
  respondToAppointmentLink(@Param('token') token: string, @Body() dto: CustomerResponseDto): Promise<CustomerAppointmentViewDto> {
    return this.selfService.respond(token, dto);
  }
}
