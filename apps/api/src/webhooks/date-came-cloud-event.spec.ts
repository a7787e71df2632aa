import { describe, expect, it } from '@jest/globals';
import { dateCameMessage } from '../day-turns/date-came-message';
import { dateCameMatchesWebhookFilter, toDateCameCloudEvent } from './date-came-cloud-event';

const message = dateCameMessage(
  { treatyId: 'at-be', day: '2026-08-24', status: 'in-force', previousStatus: 'ratified' },
  { id: 'at-be', status: 'in-force', parties: ['AT', 'BE'], position: '12' },
);

describe('a day’s change of status as a webhook delivery (decision 0039)', () => {
  it('is a CloudEvent named by the treaty and the day, timed when the day began at UTC+14, with no position', () => {
    const cloudEvent = toDateCameCloudEvent(message);
    expect(cloudEvent).toEqual({
      specversion: '1.0',
      id: message.id,
      source: '/treaties/at-be',
      type: 'org.treaty-timeline.treaty.date-came',
      subject: 'at-be',
      time: '2026-08-23T10:00:00.000Z',
      datacontenttype: 'application/json',
      data: { treatyId: 'at-be', day: '2026-08-24', previousStatus: 'ratified', status: message.status },
    });
  });

  it('goes to the subscriptions whose treaty, party and status filters the new status matches, or whose status it leaves, none filtered on a type', () => {
    const matches = (filter: object) => dateCameMatchesWebhookFilter(message, filter);
    expect([
      matches({}),
      matches({ treaty: 'at-be' }),
      matches({ party: 'BE' }),
      matches({ status: 'in-force' }),
      // It takes the treaty out of `ratified` (decision 0050): data.previousStatus and data.status say so.
      matches({ status: 'ratified' }),
    ]).toEqual([true, true, true, true, true]);
    expect([
      matches({ treaty: 'ru-ir' }),
      matches({ party: 'IR' }),
      matches({ status: 'signed' }),
      matches({ status: 'ratified', party: 'IR' }),
      matches({ type: 'entry-into-force' }),
    ]).toEqual([false, false, false, false, false]);
  });
});
