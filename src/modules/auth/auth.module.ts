import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig, InjectAppConfig } from '@libs/config';
import { IdempotencyModule } from '@libs/idempotency';
import { AccessRepository } from './access/access.repository';
import { AuthGuard } from './access/auth.guard';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsRepository } from './departments/departments.repository';
import { DepartmentsService } from './departments/departments.service';
import { MeController } from './me/me.controller';
import { MeService } from './me/me.service';
import { RolesController } from './roles/roles.controller';
import { RolesRepository } from './roles/roles.repository';
import { RolesService } from './roles/roles.service';
import { LoginAttemptsRepository } from './sessions/login-attempts.repository';
import { PasswordHasher } from './sessions/password-hasher';
import { RefreshTokensRepository } from './sessions/refresh-tokens.repository';
import { SessionRevocation } from './sessions/session-revocation.service';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';
import { TokenService } from './sessions/token.service';
import { UserRolesController } from './user-roles/user-roles.controller';
import { UserRolesRepository } from './user-roles/user-roles.repository';
import { UserRolesService } from './user-roles/user-roles.service';
import { UsersController } from './users/users.controller';
import { UserDirectory } from './users/user-directory';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/**
 * Identity and access: users, departments, roles and their permissions, sign-in with rotating
 * refresh tokens, and the global guard every route passes (needs EventsModule for the outbox).
 */
@Module({
  imports: [IdempotencyModule],
  controllers: [SessionsController, MeController, UsersController, UserRolesController, DepartmentsController, RolesController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AccessRepository,
    TokenService,
    PasswordHasher,
    SessionsService,
    SessionRevocation,
    RefreshTokensRepository,
    LoginAttemptsRepository,
    MeService,
    UsersService,
    UsersRepository,
    UserDirectory,
    UserRolesService,
    UserRolesRepository,
    DepartmentsService,
    DepartmentsRepository,
    RolesService,
    RolesRepository,
  ],
  exports: [UserDirectory],
})
export class AuthModule implements OnModuleInit {
  private readonly logger = new Logger(AuthModule.name);

  constructor(@InjectAppConfig() private readonly config: AppConfig) {}

  onModuleInit(): void {
    if (this.config.auth.jwtSecretGenerated) {
      this.logger.warn('JWT_SECRET is not set: access tokens are signed with a random key of this process and die with it');
    }
  }
}
