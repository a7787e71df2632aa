import { DEVELOPMENT_TYPES } from '@timeline/treaty';
import { TREATY_STATUSES } from '../treaties/dto/treaty-statuses';
import { DATE_CAME_SSE_EVENT, DATE_CAME_TYPE } from '../day-turns/date-came';
import { LEFT_FILTER_SSE_EVENT } from '../live/sse-frame';
import { TREATY_DELETED_TYPE } from '../webhooks/cloud-event';

const CLOUD_EVENT_TYPES = [
  'org.treaty-timeline.treaty.registered',
  'org.treaty-timeline.development.reported',
  'org.treaty-timeline.development.corroborated',
  'org.treaty-timeline.development.corrected',
  'org.treaty-timeline.development.retracted',
];

const treatyStatus = {
  type: 'object',
  description: 'The treaty-status view, as `GET /treaties/{id}` answers (see the OpenAPI document at /docs-json)',
  required: ['id', 'title', 'parties', 'category', 'status', 'revision', 'position'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    parties: { type: 'array', items: { type: 'string' } },
    category: { type: 'string' },
    status: { type: 'string', enum: [...TREATY_STATUSES] },
    revision: { type: 'string', description: 'The stream revision, a decimal string' },
    position: { type: 'string', description: 'The global log position of the last change, a decimal string' },
  },
  additionalProperties: true,
};

const cloudEvent = {
  type: 'object',
  description: 'CloudEvents 1.0, structured mode (the whole event is the body)',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'position', 'data'],
  properties: {
    specversion: { type: 'string', const: '1.0' },
    id: { type: 'string', description: 'The treaty event id: the same for every subscriber and every attempt' },
    source: { type: 'string', description: '/treaties/{treatyId}' },
    type: { type: 'string', enum: CLOUD_EVENT_TYPES },
    subject: { type: 'string', description: 'The development id, or the treaty id for a registration' },
    time: { type: 'string', format: 'date-time', description: 'When the event was recorded' },
    datacontenttype: { type: 'string', const: 'application/json' },
    position: { type: 'string', description: 'Extension: the global log position, grows with every update' },
    data: {
      type: 'object',
      required: ['treatyId', 'eventType', 'revision', 'position', 'recordedAt', 'event', 'status'],
      properties: {
        treatyId: { type: 'string' },
        eventType: { type: 'string' },
        developmentType: { type: ['string', 'null'], enum: [...DEVELOPMENT_TYPES, null] },
        revision: { type: 'string' },
        position: { type: 'string' },
        recordedAt: { type: 'string', format: 'date-time' },
        event: { type: 'object', description: 'The event as recorded' },
        status: { $ref: '#/components/schemas/treatyStatus' },
      },
    },
  },
};

const treatyDeletedCloudEvent = {
  type: 'object',
  description:
    "CloudEvents 1.0, structured mode: the treaty's stream was deleted for good by the store's operator (an " +
    'EventStoreDB tombstone). Sent to every subscription whose `treaty` filter allows it, whatever its party, status ' +
    "and type filters (the treaty's are gone). No `time`: the log gives none for a deletion.",
  required: ['specversion', 'id', 'source', 'type', 'subject', 'datacontenttype', 'position', 'data'],
  properties: {
    specversion: { type: 'string', const: '1.0' },
    id: { type: 'string', description: 'Derived from the treaty and the position: the same for every subscriber' },
    source: { type: 'string', description: '/treaties/{treatyId}' },
    type: { type: 'string', const: TREATY_DELETED_TYPE },
    subject: { type: 'string', description: 'The treaty id' },
    datacontenttype: { type: 'string', const: 'application/json' },
    position: { type: 'string', description: "Extension: the deletion's global log position" },
    data: {
      type: 'object',
      required: ['treatyId', 'deleted', 'position'],
      properties: {
        treatyId: { type: 'string' },
        deleted: { type: 'boolean', const: true },
        position: { type: 'string' },
      },
    },
  },
};

const dateCame = {
  type: 'object',
  description:
    'A day has come on which a date the record set ahead (an entry into force computed from the clause, a ' +
    "withdrawal's effect, a bilateral treaty's end) changes the treaty's status, with nothing written that day " +
    '(decision 0039). A day begins at midnight UTC+14, where days begin first.',
  required: ['treatyId', 'day', 'previousStatus', 'status'],
  properties: {
    treatyId: { type: 'string' },
    day: { type: 'string', format: 'date', description: 'The day the date came (YYYY-MM-DD)' },
    previousStatus: { type: 'string', enum: [...TREATY_STATUSES], description: 'The status the day before' },
    status: {
      $ref: '#/components/schemas/treatyStatus',
      description: 'The status view on that day: `status` the new one, `nextChangeOn` the next such day',
    },
  },
};

const dateCameCloudEvent = {
  type: 'object',
  description:
    "CloudEvents 1.0, structured mode: a day changed the treaty's status (decision 0039). Delivered after every " +
    'event of the treaty recorded before that day, at least once, checkpointed by day and treaty; not delivered ' +
    'when an event of the treaty recorded on or after that day already carried the new status. No `position`: ' +
    'no event of the log made it. Status, party and treaty filters apply to the status from that day; a ' +
    'subscription filtered on a development type does not receive it.',
  required: ['specversion', 'id', 'source', 'type', 'subject', 'time', 'datacontenttype', 'data'],
  properties: {
    specversion: { type: 'string', const: '1.0' },
    id: {
      type: 'string',
      description:
        'Derived from the treaty and the day: the same for every subscriber, attempt and replica, and the live message',
    },
    source: { type: 'string', description: '/treaties/{treatyId}' },
    type: { type: 'string', const: DATE_CAME_TYPE },
    subject: { type: 'string', description: 'The treaty id' },
    time: { type: 'string', format: 'date-time', description: 'When the day began at UTC+14' },
    datacontenttype: { type: 'string', const: 'application/json' },
    data: { $ref: '#/components/schemas/dateCame' },
  },
};

const webhookHeaders = {
  type: 'object',
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature', 'content-type'],
  properties: {
    'webhook-id': {
      type: 'string',
      description: 'The delivery id: the same on every attempt of one delivery; deduplicate on it',
    },
    'webhook-timestamp': { type: 'string', description: 'Unix seconds of this attempt' },
    'webhook-signature': {
      type: 'string',
      description:
        'Standard Webhooks: space-separated `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, one per valid secret (two during a rotation)',
    },
    'content-type': { type: 'string', const: 'application/cloudevents+json; charset=utf-8' },
  },
};

/**
 * The AsyncAPI 3 description of what the service pushes: the SSE feeds (which a client receives) and webhook
 * deliveries (which the service sends to each registered URL).
 */
export function asyncApiDocument(host: string, protocol: string, pathname = '/'): Record<string, unknown> {
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Treaty Timeline: live updates and webhooks',
      version: '1',
      description:
        'Treaty updates pushed by the service: over Server-Sent Events to an open connection, and as signed ' +
        'CloudEvents POSTed to registered webhooks (POST /webhooks; see the OpenAPI document at /docs-json).',
    },
    defaultContentType: 'application/json',
    servers: {
      api: {
        host,
        protocol,
        // Behind a path (TIMELINE_PUBLIC_URL=https://example.org/timeline), the channels' addresses are under it.
        ...(pathname !== '/' ? { pathname } : {}),
        description: 'This service. Reads need a key unless TIMELINE_PUBLIC_READS is true.',
        security: [{ $ref: '#/components/securitySchemes/apiKey' }],
      },
      subscriber: {
        host: '{subscriberHost}',
        protocol: 'https',
        description: 'A webhook receiver: the URL registered with POST /webhooks',
        variables: { subscriberHost: { description: 'The host (and port) of the registered URL' } },
      },
    },
    channels: {
      live: {
        address: '/live',
        title: 'Every treaty update (SSE)',
        description:
          'Query filters: treaty, party, status. Each message has `id:` its position, except one that another ' +
          'message at the same position follows (treaties named by the event there); reconnect with Last-Event-ID ' +
          'to get every treaty changed since (its current status, once), then live. Heartbeats every 15 s. A ' +
          'treaty deleted for good on EventStoreDB is a `treaty-deleted` event, sent whatever the party and status filters. ' +
          `A day that changes a treaty's status (a date the record set ahead comes) is a \`${DATE_CAME_SSE_EVENT}\` ` +
          'event with no `id:`, sent to the streams open when the day begins; a client that reconnects later reads ' +
          'the status (refetch a treaty on its `nextChangeOn`). ' +
          `A stream filtered by status also gets the update that takes a treaty out of it, as a \`${LEFT_FILTER_SSE_EVENT}\` ` +
          'event (drop the treaty); on a resume, every treaty changed since that does not match now.',
        servers: [{ $ref: '#/servers/api' }],
        messages: {
          treatyStatus: { $ref: '#/components/messages/treatyStatus' },
          leftFilter: { $ref: '#/components/messages/leftFilter' },
          treatyDeleted: { $ref: '#/components/messages/treatyDeleted' },
          dateCame: { $ref: '#/components/messages/dateCame' },
          heartbeat: { $ref: '#/components/messages/heartbeat' },
        },
      },
      treatyLive: {
        address: '/treaties/{treatyId}/live',
        title: "One treaty's updates (SSE)",
        description:
          'A treaty not on record is 404 TREATY_NOT_FOUND; `?awaitRegistration=true` follows one before its ' +
          'registration, which is then its first message.',
        servers: [{ $ref: '#/servers/api' }],
        parameters: { treatyId: { description: 'The treaty id' } },
        messages: {
          treatyStatus: { $ref: '#/components/messages/treatyStatus' },
          treatyDeleted: { $ref: '#/components/messages/treatyDeleted' },
          dateCame: { $ref: '#/components/messages/dateCame' },
          heartbeat: { $ref: '#/components/messages/heartbeat' },
        },
      },
      webhook: {
        address: '{path}',
        title: 'A webhook delivery',
        description:
          'POSTed to the registered URL, at least once, one at a time and in log order per subscription (so in ' +
          'order per treaty); a 2xx within 10 s acknowledges it, anything else is retried with exponential backoff ' +
          'and jitter, and after TIMELINE_WEBHOOK_MAX_FAILURES the subscription is paused. Redirects are not followed. ' +
          'A subscription filtered by status also gets the event that takes a treaty out of it (the treaty had that ' +
          'status just before): its data.status shows the status it moved to.',
        servers: [{ $ref: '#/servers/subscriber' }],
        parameters: { path: { description: 'The path (and query) of the registered URL' } },
        messages: {
          ...Object.fromEntries(CLOUD_EVENT_TYPES.map((type) => [messageName(type), webhookMessage(type)])),
          [messageName(TREATY_DELETED_TYPE)]: webhookMessage(TREATY_DELETED_TYPE, 'treatyDeletedCloudEvent'),
          [messageName(DATE_CAME_TYPE)]: webhookMessage(DATE_CAME_TYPE, 'dateCameCloudEvent'),
        },
      },
    },
    operations: {
      receiveLiveUpdates: {
        action: 'receive',
        title: 'Follow every treaty update',
        channel: { $ref: '#/channels/live' },
        messages: [
          { $ref: '#/channels/live/messages/treatyStatus' },
          { $ref: '#/channels/live/messages/leftFilter' },
          { $ref: '#/channels/live/messages/treatyDeleted' },
          { $ref: '#/channels/live/messages/dateCame' },
          { $ref: '#/channels/live/messages/heartbeat' },
        ],
      },
      receiveTreatyUpdates: {
        action: 'receive',
        title: "Follow one treaty's updates",
        channel: { $ref: '#/channels/treatyLive' },
        messages: [
          { $ref: '#/channels/treatyLive/messages/treatyStatus' },
          { $ref: '#/channels/treatyLive/messages/treatyDeleted' },
          { $ref: '#/channels/treatyLive/messages/dateCame' },
          { $ref: '#/channels/treatyLive/messages/heartbeat' },
        ],
      },
      deliverWebhook: {
        action: 'send',
        title: 'Deliver a treaty update to a webhook',
        channel: { $ref: '#/channels/webhook' },
        messages: [...CLOUD_EVENT_TYPES, TREATY_DELETED_TYPE, DATE_CAME_TYPE].map((type) => ({
          $ref: `#/channels/webhook/messages/${messageName(type)}`,
        })),
      },
    },
    components: {
      schemas: { treatyStatus, cloudEvent, treatyDeletedCloudEvent, dateCame, dateCameCloudEvent, webhookHeaders },
      securitySchemes: {
        apiKey: { type: 'httpApiKey', name: 'Authorization', in: 'header', description: 'Bearer <key>' },
      },
      messages: {
        treatyStatus: {
          name: 'treatyStatus',
          title: "A treaty's status after a change",
          contentType: 'application/json',
          payload: { $ref: '#/components/schemas/treatyStatus' },
        },
        leftFilter: {
          name: LEFT_FILTER_SSE_EVENT,
          title:
            `An SSE event of type \`${LEFT_FILTER_SSE_EVENT}\`, \`id:\` as an update's: the treaty's status no longer ` +
            "matches the stream's `status` or `party` filter (it did just before this update; on a resume, it may have): " +
            'drop it',
          contentType: 'application/json',
          payload: { $ref: '#/components/schemas/treatyStatus' },
        },
        treatyDeleted: {
          name: 'treaty-deleted',
          title:
            "An SSE event of type `treaty-deleted`: the treaty's stream was deleted for good by the store's operator",
          contentType: 'application/json',
          payload: {
            type: 'object',
            required: ['id', 'deleted'],
            properties: { id: { type: 'string' }, deleted: { type: 'boolean', const: true } },
          },
        },
        dateCame: {
          name: DATE_CAME_SSE_EVENT,
          title: `An SSE event of type \`${DATE_CAME_SSE_EVENT}\`, with no \`id:\`: a day changed the treaty's status`,
          contentType: 'application/json',
          payload: {
            allOf: [
              { $ref: '#/components/schemas/dateCame' },
              {
                type: 'object',
                required: ['id'],
                properties: { id: { type: 'string', description: 'The CloudEvents id webhooks give the same change' } },
              },
            ],
          },
        },
        heartbeat: {
          name: 'heartbeat',
          title: 'An SSE event of type `heartbeat`, every 15 s, with `{}`',
          payload: { type: 'object', maxProperties: 0 },
        },
      },
    },
  };
}

function messageName(type: string): string {
  return type
    .split('.')
    .slice(-2)
    .map((part, index) => (index === 0 ? part : part[0]!.toUpperCase() + part.slice(1)))
    .join('');
}

function webhookMessage(type: string, schema = 'cloudEvent') {
  return {
    name: type,
    title: type,
    contentType: 'application/cloudevents+json',
    headers: { $ref: '#/components/schemas/webhookHeaders' },
    payload: {
      allOf: [{ $ref: `#/components/schemas/${schema}` }, { type: 'object', properties: { type: { const: type } } }],
    },
  };
}
