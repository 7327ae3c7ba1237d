import { Body, Controller, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblemResponses, Public } from '@libs/http';
import { clientInfo } from '../common/http';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { LoginDto, RefreshTokenDto, SessionTokensDto } from './sessions.dto';
import { SessionsService } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
@UseInterceptors(RetryAfterInterceptor)
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password: an access token and a refresh token' })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiProblemResponses(400, 401, 429)
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<SessionTokensDto> {
    return this.sessions.login(dto.email, dto.password, clientInfo(request));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token (once) for a new token pair; a reused token revokes its sign-in' })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiProblemResponses(400, 401)
  refreshSession(@Body() dto: RefreshTokenDto, @Req() request: FastifyRequest): Promise<SessionTokensDto> {
    return this.sessions.refresh(dto.refreshToken, clientInfo(request));
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revoke the sign-in the refresh token belongs to' })
  @ApiNoContentResponse({ description: 'Signed out (also for unknown tokens)' })
  @ApiProblemResponses(400)
  logout(@Body() dto: RefreshTokenDto): Promise<void> {
    return this.sessions.logout(dto.refreshToken);
  }
}
