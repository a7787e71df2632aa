import { ApiProperty } from '@nestjs/swagger';
import { WebhookFilterDto } from './register-webhook.request.dto';

/** What the webhook routes answer of a subscription, for the OpenAPI document (`subscriptionView`). */

export class WebhookPausedDto {
  @ApiProperty({ format: 'uuid', description: 'The failed delivery: retry it to resume' }) deliveryId!: string;
  @ApiProperty({ example: '8 failed attempts, the last: HTTP 500' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class WebhookSubscriptionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    example: 'https://cms.example.org/hooks/treaties',
    description:
      'Whole to the key that registered it; to any other key (an auditor) its origin and `/…`. Also its origin and ' +
      '`/…` to its owner when `urlUnreadable`',
  })
  url!: string;
  @ApiProperty({
    description:
      "True when the service's signing key does not open the URL sealed in the log (the key was replaced since the " +
      'subscription was registered): `url` is then only its origin, a stand-in, and nothing is delivered (each ' +
      'attempt fails, saying so, until the subscription pauses). Register it again under the current key',
  })
  urlUnreadable!: boolean;
  @ApiProperty({ type: WebhookFilterDto }) filter!: WebhookFilterDto;
  @ApiProperty({ format: 'date-time' }) subscribedAt!: string;
  @ApiProperty({ enum: ['active', 'paused'] }) state!: string;
  @ApiProperty({ type: WebhookPausedDto, nullable: true }) paused!: WebhookPausedDto | null;
  @ApiProperty({ example: '1041', description: 'The log position of the last treaty event acknowledged' })
  deliveredUpTo!: string;
  @ApiProperty({ example: 1 }) secretGeneration!: number;
  @ApiProperty({ example: '0', description: "Its owner's last change: what its ETag names and If-Match takes" })
  revision!: string;
}

export class RegisteredWebhookDto extends WebhookSubscriptionDto {
  @ApiProperty({ example: 'whsec_…', description: 'Shown only here and on rotation' }) secret!: string;
}

export class WebhookSubscriptionListDto {
  @ApiProperty({ type: [WebhookSubscriptionDto] }) items!: WebhookSubscriptionDto[];
}
