import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { SecretProperty } from '@libs/http';

export class LoginDto {
  /** Case-insensitive. @example "admin@renewa.de" */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(254)
  email: string;

  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RefreshTokenDto {
  /** The refresh token of the last sign-in or refresh; it can be used once. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

export class SessionTokensDto {
  /** Bearer token for the Authorization header (JWT, short-lived). */
  @SecretProperty()
  accessToken: string;
  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  @ApiProperty({ type: 'integer', example: 900 })
  expiresIn: number;
  /** Opaque; exchange it once at POST /auth/refresh for a new pair. */
  @SecretProperty()
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}
