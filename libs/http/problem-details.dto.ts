import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'address.zip', description: 'Path of the field: `address.zip`, `items[0].name`.' })
  path: string;

  @ApiProperty({ example: 'zip must be a German postal code' })
  message: string;
}

/** RFC 9457 problem details, the body of every error response (`application/problem+json`). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'https://renewa.dev/problems/crm-lead-not-found' })
  type: string;

  @ApiProperty({ example: 'Not Found' })
  title: string;

  @ApiProperty({ type: 'integer', example: 404 })
  status: number;

  @ApiProperty({ example: 'Lead 0b6d… does not exist.' })
  detail: string;

  @ApiProperty({ example: 'CRM_LEAD_NOT_FOUND', description: 'Stable machine-readable error code.' })
  code: string;

  @ApiProperty({ example: '5f0c6a5e-8a3b-4d53-9f55-0f4f3c3b1d2a', description: 'Also sent as the X-Request-Id header.' })
  requestId: string;

  @ApiProperty({ example: '/api/v1/leads/0b6d…', description: 'Path of the request.' })
  instance: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'One entry per failed field, for validation problems.' })
  errors?: FieldErrorDto[];
}
