import { ApiProperty } from '@nestjs/swagger';
import { ProblemDetailsDto } from '@libs/http';

export class DuplicateCandidateDto {
  @ApiProperty({ enum: ['lead', 'contact'] })
  type: 'lead' | 'contact';

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['email', 'phone'], isArray: true })
  matchedOn: ('email' | 'phone')[];
}

/**
 * 409 `CRM_DUPLICATE_CANDIDATES`: existing leads or contacts share the new record's e-mail or
 * phone. Nothing was created; resend with `"allowDuplicates": true` to create it anyway.
 */
export class DuplicateProblemDto extends ProblemDetailsDto {
  @ApiProperty({ type: [DuplicateCandidateDto] })
  duplicates: DuplicateCandidateDto[];
}
