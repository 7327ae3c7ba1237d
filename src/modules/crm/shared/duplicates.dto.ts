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
  /** The candidates you may read. */
  @ApiProperty({ type: [DuplicateCandidateDto] })
  duplicates: DuplicateCandidateDto[];
  /** How many further records match that are outside your permissions (not named). */
  @ApiProperty({ type: 'integer', minimum: 0 })
  otherDuplicates: number;
}

/** The 409 of a create that found duplicate candidates, for `@Operation({ problems })`. */
export const DUPLICATES_PROBLEM = { status: 409, type: DuplicateProblemDto, description: 'CRM_DUPLICATE_CANDIDATES' };
