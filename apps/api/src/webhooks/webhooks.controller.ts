import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { Roles } from '../auth/access.decorators';
import { ApiProblem } from '../problems/api-problem';
import { EtagFromRevisionInterceptor } from '../treaties/etag-from-revision.interceptor';
import { IfMatch } from '../treaties/write-request.decorator';
import { RegisterWebhookRequestDto, RotateWebhookSecretRequestDto } from './register-webhook.request.dto';
import {
  RegisteredWebhookDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionListDto,
} from './webhook-subscription.response.dto';
import type { IfMatch as IfMatchHeader } from './webhook-if-match';
import { Webhooks } from './webhooks.service';

const PROBLEM = { description: 'application/problem+json with a stable `code`' };
const SUBSCRIPTION_ID = new ParseUUIDPipe({
  exceptionFactory: () =>
    new ApiProblem(404, 'WEBHOOK_NOT_FOUND', 'No webhook subscription has this id: ids are UUIDs'),
});
/** A write on one subscription under If-Match (decision 0091): a tag of its ETag, a list of them, or `*`. */
const STALE = {
  description:
    "REVISION_MISMATCH: If-Match names none of the subscription's revision, which its owner's last change set",
};
const DELIVERY_ID = new ParseUUIDPipe({
  exceptionFactory: () => new ApiProblem(404, 'DELIVERY_NOT_FOUND', 'No delivery has this id: ids are UUIDs'),
});

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiNotFoundResponse(PROBLEM)
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED, INVALID_API_KEY: every webhook route needs a key' })
@ApiServiceUnavailableResponse({
  description: 'WEBHOOKS_UNAVAILABLE: on EventStoreDB without TIMELINE_SIGNING_KEY_FILE, no secret can be derived',
})
@Roles('reader', 'editor', 'auditor')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: Webhooks) {}

  @Post()
  @HttpCode(201)
  // The answer carries the secret: no cache, shared or private, keeps it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Subscribe a URL to treaty updates: CloudEvents signed as Standard Webhooks say' })
  @ApiCreatedResponse({
    type: RegisteredWebhookDto,
    description: '{ id, secret (whsec_..., shown once), url, filter, ... }; `Location` names the subscription',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the body names no url, or another field is malformed' })
  @ApiUnprocessableEntityResponse({ description: 'WEBHOOK_URL_INVALID, WEBHOOK_TARGET_FORBIDDEN (not public)' })
  @ApiConflictResponse({ description: 'TOO_MANY_WEBHOOKS: the key holds 25 subscriptions already' })
  async register(
    @Body() body: RegisterWebhookRequestDto,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const created = await this.webhooks.register(request.principal!, body.url, body.filter ? { ...body.filter } : {});
    response.setHeader('Location', `/webhooks/${created.id}`);
    // The revision, as the writes answer it: a tag If-Match takes (Express's own, of the bytes, it would refuse).
    response.setHeader('ETag', `"${created.revision}"`);
    return created;
  }

  @Get()
  @ApiOperation({ summary: "Your subscriptions (an auditor's: everyone's)" })
  @ApiOkResponse({
    type: WebhookSubscriptionListDto,
    description: "{ items }: another key's subscription (an auditor's listing) shows its url as the origin and /…",
  })
  list(@Req() request: AuthenticatedRequest) {
    return this.webhooks.list(request.principal!);
  }

  @Get(':id')
  // `ETag: "<revision>-<digest>"`: If-Match compares the revision, If-None-Match the bytes (decisions 0059, 0091).
  @UseInterceptors(EtagFromRevisionInterceptor)
  @ApiOperation({ summary: 'One subscription: its state, checkpoint and filter' })
  @ApiOkResponse({
    type: WebhookSubscriptionDto,
    description:
      "The subscription; another key's (an auditor's read) with its url's origin and /… only. " +
      "`ETag` names its revision, which only its owner's changes (not deliveries) move: send it as If-Match",
  })
  get(@Param('id', SUBSCRIPTION_ID) id: string, @Req() request: AuthenticatedRequest) {
    return this.webhooks.get(request.principal!, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Unsubscribed: nothing more is delivered' })
  @ApiPreconditionFailedResponse(STALE)
  unsubscribe(
    @Param('id', SUBSCRIPTION_ID) id: string,
    @Req() request: AuthenticatedRequest,
    @IfMatch() ifMatch: IfMatchHeader,
  ) {
    return this.webhooks.unsubscribe(request.principal!, id, ifMatch);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Rotate the secret: deliveries are signed with both until the old one expires' })
  @ApiPreconditionFailedResponse(STALE)
  async rotate(
    @Param('id', SUBSCRIPTION_ID) id: string,
    @Body() body: RotateWebhookSecretRequestDto,
    @Req() request: AuthenticatedRequest,
    @IfMatch() ifMatch: IfMatchHeader,
    @Res({ passthrough: true }) response: Response,
  ) {
    const rotated = await this.webhooks.rotateSecret(request.principal!, id, body.overlapSeconds, ifMatch);
    response.setHeader('ETag', `"${rotated.revision}"`);
    return rotated;
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Recent deliveries, newest first; a paused subscription names its failed delivery' })
  deliveries(@Param('id', SUBSCRIPTION_ID) id: string, @Req() request: AuthenticatedRequest) {
    return this.webhooks.deliveries(request.principal!, id);
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Redeliver a failed delivery: resumes the paused subscription from it, in order' })
  @ApiAcceptedResponse({ description: "{ id, deliveryId, status: 'scheduled' }: it is sent again, in order" })
  @ApiConflictResponse({ description: 'DELIVERY_NOT_FAILED: only a failed delivery is redelivered' })
  @ApiPreconditionFailedResponse(STALE)
  async retry(
    @Param('id', SUBSCRIPTION_ID) id: string,
    @Param('deliveryId', DELIVERY_ID) deliveryId: string,
    @Req() request: AuthenticatedRequest,
    @IfMatch() ifMatch: IfMatchHeader,
    @Res({ passthrough: true }) response: Response,
  ) {
    const resumed = await this.webhooks.retry(request.principal!, id, deliveryId, ifMatch);
    response.setHeader('ETag', `"${resumed.revision}"`);
    return resumed;
  }
}
