import { describe, expect, it } from '@jest/globals';
import { deletionMatchesWebhookFilter, toTreatyDeletedCloudEvent, treatyDeletion } from './treaty-deleted-cloud-event';

const deletion = { treatyId: 'ru-kz-deleted', position: 4711n };

describe("a treaty deleted for good, as a webhook's CloudEvent", () => {
  it('is named by the treaty and the position alone, so every attempt, replica and subscriber sends one id', () => {
    const cloudEvent = toTreatyDeletedCloudEvent(deletion);
    expect(toTreatyDeletedCloudEvent({ ...deletion }).id).toBe(cloudEvent.id);
    expect(toTreatyDeletedCloudEvent({ ...deletion, position: 4712n }).id).not.toBe(cloudEvent.id);
    expect(toTreatyDeletedCloudEvent({ ...deletion, treatyId: 'other' }).id).not.toBe(cloudEvent.id);
    expect(cloudEvent).toMatchObject({
      type: 'org.treaty-timeline.treaty.deleted',
      source: '/treaties/ru-kz-deleted',
      subject: 'ru-kz-deleted',
      position: '4711',
      data: { treatyId: 'ru-kz-deleted', deleted: true, position: '4711' },
    });
    expect(cloudEvent).not.toHaveProperty('time');
  });

  it('goes to the subscriptions whose treaty filter allows it, whatever their party, status and type filters', () => {
    expect(deletionMatchesWebhookFilter(deletion, {})).toBe(true);
    expect(deletionMatchesWebhookFilter(deletion, { treaty: 'ru-kz-deleted' })).toBe(true);
    expect(deletionMatchesWebhookFilter(deletion, { treaty: 'ru-ir' })).toBe(false);
    expect(deletionMatchesWebhookFilter(deletion, { party: 'BY', status: 'in-force', type: 'signed' })).toBe(true);
    expect(deletionMatchesWebhookFilter(deletion, { treaty: 'ru-ir', party: 'KZ' })).toBe(false);
  });

  it('is made of the deletions of treaty streams only', () => {
    const recordedAt = new Date('2026-01-01T00:00:00.000Z');
    expect(
      treatyDeletion({ kind: 'stream-deleted', streamName: 'treaty-ru-kz-deleted', position: 4711n, recordedAt }),
    ).toEqual(deletion);
    expect(
      treatyDeletion({ kind: 'stream-deleted', streamName: 'webhook-abc', position: 4711n, recordedAt }),
    ).toBeUndefined();
  });
});
