import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { API_KEYS, ApiKeyGuard } from './api-key.guard';
import { ApiKeys } from './api-keys';
import { FailedAuthentications } from './failed-authentications';
import { RateLimitGuard } from './rate-limit.guard';

@Global()
@Module({
  providers: [
    {
      provide: API_KEYS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ApiKeys => {
        if (config.apiKeys) return ApiKeys.parse(config.apiKeys);
        const { keys, file, generated } = ApiKeys.fromDataDirectory(config.dataDir);
        new Logger('Auth').log(
          generated
            ? `No TIMELINE_API_KEYS: generated one key per role into ${file} (mode 0600)`
            : `No TIMELINE_API_KEYS: using the keys in ${file}`,
        );
        return keys;
      },
    },
    FailedAuthentications,
    // Guards run in this order: who is calling, then how often.
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [API_KEYS],
})
export class AuthModule {}
