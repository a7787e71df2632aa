import { Module } from '@nestjs/common';
import { DayTurnsModule } from '../day-turns/day-turns.module';
import { WebhookDispatcher } from './webhook-dispatcher.service';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSubscriptions } from './webhook-subscriptions.service';
import { WebhooksController } from './webhooks.controller';
import { defaultResolver } from './webhook-resolver';
import { Webhooks } from './webhooks.service';

@Module({
  imports: [DayTurnsModule],
  controllers: [WebhooksController],
  providers: [WebhookSubscriptions, WebhookDispatcher, WebhookSecrets, Webhooks, defaultResolver],
  exports: [WebhookSubscriptions, WebhookDispatcher],
})
export class WebhooksModule {}
