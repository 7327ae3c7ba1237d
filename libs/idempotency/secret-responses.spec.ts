import { Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { SecretProperty } from '@libs/http';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { Idempotent } from './idempotent.decorator';
import { idempotentRouteProblems, secretPaths } from './secret-responses';

class InviteDto {
  email: string;
  @SecretProperty()
  oneTimePassword: string;
}

class ResentInviteDto extends InviteDto {
  resentAt: Date;
}

class InvitePageDto {
  @ApiProperty({ type: [InviteDto] })
  items: InviteDto[];
}

class ApiKeyDto {
  label: string;
  @SecretProperty()
  secret: string;
  @SecretProperty()
  previousSecret: string;
}

class ApiKeyEnvelopeDto {
  @ApiProperty({ type: () => ApiKeyDto })
  key: ApiKeyDto;
}

class NoteDto {
  text: string;
}

@Controller('invites')
class InvitesController {
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: InviteDto })
  createInvite(): void {}

  @Post(':id/resend')
  @HttpCode(200)
  @Idempotent()
  @ApiOkResponse({ type: ResentInviteDto })
  resendInvite(): void {}

  @Post('bulk')
  @Idempotent()
  @ApiCreatedResponse({ type: InvitePageDto })
  createInvites(): void {}

  @Post('rotate')
  @Idempotent()
  @ApiCreatedResponse({ type: ApiKeyEnvelopeDto })
  rotateKey(): void {}

  // Not idempotent: a secret in the response is fine, nothing stores it.
  @Post('plain')
  @ApiCreatedResponse({ type: InviteDto })
  createPlainInvite(): void {}
}

@Controller('notes')
class NotesController {
  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: NoteDto })
  createNote(): void {}

  @Post('archive')
  @Idempotent()
  @ApiNoContentResponse()
  archiveNotes(): void {}

  @Post('undocumented')
  @Idempotent()
  createUndocumented(): void {}
}

@Controller('tokens')
@UseInterceptors(IdempotencyInterceptor)
@ApiCreatedResponse({ type: ApiKeyDto })
class TokensController {
  @Post()
  createToken(): void {}
}

describe('secretPaths', () => {
  it('finds own, inherited and nested (documented) secrets', () => {
    expect(secretPaths(InviteDto)).toEqual(['InviteDto.oneTimePassword']);
    expect(secretPaths(ResentInviteDto)).toEqual(['ResentInviteDto.oneTimePassword']);
    expect(secretPaths(InvitePageDto)).toEqual(['InviteDto.oneTimePassword']);
    expect(secretPaths(ApiKeyEnvelopeDto)).toEqual(['ApiKeyDto.secret', 'ApiKeyDto.previousSecret']);
    expect(secretPaths(NoteDto)).toEqual([]);
  });
});

describe('idempotentRouteProblems', () => {
  it('names every @Idempotent() route whose response carries a secret, with the way out', () => {
    const problems = idempotentRouteProblems([InvitesController]);
    expect(problems).toEqual([
      expect.stringMatching(/^InvitesController\.createInvite \(POST \/invites\): its response carries InviteDto\.oneTimePassword \(@SecretProperty\(\)\).*remove @Idempotent\(\) from this route$/),
      expect.stringMatching(/^InvitesController\.resendInvite \(POST \/invites\/:id\/resend\): its response carries ResentInviteDto\.oneTimePassword /),
      expect.stringMatching(/^InvitesController\.createInvites \(POST \/invites\/bulk\): its response carries InviteDto\.oneTimePassword /),
      expect.stringMatching(/^InvitesController\.rotateKey \(POST \/invites\/rotate\): its response carries ApiKeyDto\.secret, ApiKeyDto\.previousSecret /),
    ]);
  });

  it('accepts responses without secrets and bodiless ones, and refuses an undocumented response', () => {
    expect(idempotentRouteProblems([NotesController])).toEqual([
      'NotesController.createUndocumented (POST /notes/undocumented): documents no success response, so its body cannot be checked for secrets; add @ApiOkResponse/@ApiCreatedResponse({ type })',
    ]);
  });

  it('sees the interceptor and the responses declared on the controller class', () => {
    expect(idempotentRouteProblems([TokensController])).toEqual([expect.stringMatching(/^TokensController\.createToken \(POST \/tokens\): its response carries ApiKeyDto\.secret/)]);
  });
});
