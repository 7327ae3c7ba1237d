import { Controller, Module, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { Public, SecretProperty } from '@libs/http';
import { Idempotent, IdempotencyModule, secretPaths } from '@libs/idempotency';
import { createTestDatabase, TestDatabase } from '@libs/testing';
import { startTestApp } from '@libs/testing/app';
import { CreatedUserDto, PasswordResetDto } from '../../src/modules/auth/users/users.dto';
import { SessionTokensDto } from '../../src/modules/auth/sessions/sessions.dto';

// A route the app does not ship: an invitation whose response carries a one-time code.
class InvitationDto {
  email: string;
  @SecretProperty()
  code: string;
}

@Public()
@Controller('secret-test')
class SecretTestController {
  @Post('invitations')
  @Idempotent()
  @ApiCreatedResponse({ type: InvitationDto })
  createInvitation(): InvitationDto {
    return { email: 'a@example.com', code: 'shown-once' };
  }
}

@Module({ imports: [IdempotencyModule], controllers: [SecretTestController] })
class SecretTestModule {}

describe('@Idempotent() on a route whose response carries a secret', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(() => db?.drop());

  it('stops the app at boot, naming the route, the secret and the fix', async () => {
    const boot = startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl, imports: [SecretTestModule] });
    await expect(boot).rejects.toThrow(
      '@Idempotent() on a route whose response is not safe to store:\n' +
        '- SecretTestController.createInvitation (POST /secret-test/invitations): its response carries InvitationDto.code ' +
        '(@SecretProperty()), which @Idempotent() would store in clear and replay to any retry with the key; ' +
        'remove @Idempotent() from this route',
    );
  });

  it("the app's own secret-bearing responses are marked (and the app boots: none of them is idempotent)", async () => {
    expect(secretPaths(CreatedUserDto)).toEqual(['CreatedUserDto.oneTimePassword']);
    expect(secretPaths(PasswordResetDto)).toEqual(['PasswordResetDto.oneTimePassword']);
    expect(secretPaths(SessionTokensDto)).toEqual(['SessionTokensDto.accessToken', 'SessionTokensDto.refreshToken']);
    const app = await startTestApp({ databaseUrl: db.bouncerUrl ?? db.appUrl });
    await app.close();
  });
});
