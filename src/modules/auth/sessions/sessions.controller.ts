import { Body, Controller, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Operation } from '@libs/resource';
import { clientInfo } from './client-info';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { LoginDto, RefreshTokenDto, SessionTokensDto } from './sessions.dto';
import { SessionsService } from './sessions.service';

/** Sign-in, token refresh and sign-out: public, and never idempotent (their answers carry fresh secrets). */
@ApiTags('auth')
@Controller('auth')
@UseInterceptors(RetryAfterInterceptor)
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('login')
  @Operation({ permission: 'public', summary: 'Sign in with email and password: an access token and a refresh token', ok: SessionTokensDto, problems: [401, 429] })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<SessionTokensDto> {
    return this.sessions.login(dto.email, dto.password, clientInfo(request));
  }

  @Post('refresh')
  @Operation({
    permission: 'public',
    summary: 'Exchange a refresh token (once) for a new token pair; a reused token revokes its sign-in',
    ok: SessionTokensDto,
    problems: [401],
  })
  refreshSession(@Body() dto: RefreshTokenDto, @Req() request: FastifyRequest): Promise<SessionTokensDto> {
    return this.sessions.refresh(dto.refreshToken, clientInfo(request));
  }

  @Post('logout')
  @Operation({ permission: 'public', summary: 'Sign out: revoke the sign-in the refresh token belongs to', noContent: 'Signed out (also for unknown tokens)' })
  logout(@Body() dto: RefreshTokenDto): Promise<void> {
    return this.sessions.logout(dto.refreshToken);
  }
}
