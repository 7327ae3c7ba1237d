import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsInt, IsOptional, IsUUID, Max, MaxDate, Min, MinDate } from 'class-validator';
import { IsTrimmedString, OptionalUuid } from '@libs/http';
import { IsSort, ListQueryDto, sortValues } from '@libs/pagination';
import { OwnedResponseDto, OwnershipFieldsDto, PageDto } from '@libs/resource';
import { fundingContractSource, FundingContractSource } from './funding-contracts.schema';

export const CONTRACT_SORTS = sortValues(['createdAt'] as const);

/** A works contract signed outside the system (with a craftsman), for the start-of-project rule. */
export class RecordContractDto extends OwnershipFieldsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  projectId: string;

  /** The contract's number or name. @example "Werkvertrag Heizung Müller GmbH 2026-117" */
  @IsTrimmedString(200)
  reference: string;

  /** @example "Müller Haustechnik GmbH" */
  @IsOptional()
  @IsTrimmedString(200)
  contractor?: string | null;

  /** When it was signed (ISO date-time). */
  @ApiProperty({ type: 'string', format: 'date-time', example: '2026-10-01T10:00:00Z' })
  @Type(() => Date)
  @IsDate()
  @MinDate(new Date('2000-01-01T00:00:00Z'))
  @MaxDate(new Date('2100-01-01T00:00:00Z'))
  signedAt: Date;

  /** Signed with the funding condition clause (suspensive/resolutive condition tied to the approval). @example true */
  @IsBoolean()
  withFundingClause: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000_000_000, nullable: true, example: 4_100_000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  totalGrossCents?: number | null;
}

export class ListContractsQueryDto extends ListQueryDto {
  @IsSort(CONTRACT_SORTS, '-createdAt')
  sort?: string;
  @OptionalUuid()
  projectId?: string;
}

export class ContractResponseDto extends OwnedResponseDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ enum: fundingContractSource.enumValues })
  source: FundingContractSource;
  @ApiProperty({ format: 'uuid', nullable: true })
  quoteId: string | null;
  reference: string;
  contractor: string | null;
  signedAt: Date;
  withFundingClause: boolean;
  method: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  totalGrossCents: number | null;
}

export const ContractPageDto = PageDto(ContractResponseDto);
