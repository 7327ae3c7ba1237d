import { DynamicModule, Inject, Module } from '@nestjs/common';
import { ConfigModule, ConfigService, getConfigToken, registerAs } from '@nestjs/config';
import type { AppConfig } from './app-config';

export const APP_CONFIG_NAMESPACE = 'app';

/** Injection token of the validated `AppConfig` (the provider `ConfigModule` creates for the namespace). */
export const APP_CONFIG = getConfigToken(APP_CONFIG_NAMESPACE);

/** `constructor(@InjectAppConfig() private readonly config: AppConfig)` */
export const InjectAppConfig = (): ParameterDecorator => Inject(APP_CONFIG);

/** `ConfigService` typed for `config.get('app', { infer: true })`. */
export type AppConfigService = ConfigService<{ [APP_CONFIG_NAMESPACE]: AppConfig }, true>;

/**
 * Registers the already validated configuration with `@nestjs/config`, globally. The environment
 * was read by `loadConfig` before the app was created (main.ts loads `.env` itself), so the
 * module never reads `.env` on its own.
 */
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: [registerAs(APP_CONFIG_NAMESPACE, () => config)],
        }),
      ],
    };
  }
}
