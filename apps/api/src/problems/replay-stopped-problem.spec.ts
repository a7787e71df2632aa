import { describe, expect, it } from '@jest/globals';
import { ReplayStoppedError, type ReplayStop } from '@timeline/projections';
import { problemFromKnownError } from './known-errors';

const EVENT = {
  eventId: '0b6a3a4e-5d1c-4f5e-9a61-1f2b3c4d5e6f',
  streamName: 'treaty-ru-ir-cstp',
  revision: '1',
  position: '2',
  type: 'TreatySigned',
};

const answerTo = (stop: ReplayStop) => problemFromKnownError(new ReplayStoppedError(stop));

describe('a rebuild that stopped before the end of the log, as an auditor is answered', () => {
  it('is 409 LOG_NOT_REPLAYABLE for an event the store cannot read, named as /audit/verify names it', () => {
    const answer = answerTo({ kind: 'unreadable-event', projection: 'treaty-status', event: EVENT, error: 'x' });
    expect(answer).toMatchObject({
      status: 409,
      code: 'LOG_NOT_REPLAYABLE',
      kind: 'unreadable-event',
      projection: 'treaty-status',
      event: {
        eventId: EVENT.eventId,
        stream: 'treaty-ru-ir-cstp',
        revision: '1',
        position: '2',
        type: 'TreatySigned',
      },
      reason: expect.stringContaining('not readable as JSON'),
    });
    expect(answer?.detail).toContain(`event ${EVENT.eventId} (stream "treaty-ru-ir-cstp", revision 1, position 2)`);
  });

  it("is 409 LOG_NOT_REPLAYABLE for an event this build's projection cannot apply, with the projection's words", () => {
    const error = 'Event type "TreatyAnnexed" is not a treaty event type';
    const answer = answerTo({
      kind: 'event-not-applied',
      projection: 'treaty-status',
      event: { ...EVENT, type: 'TreatyAnnexed' },
      error,
    });
    expect(answer).toMatchObject({ status: 409, code: 'LOG_NOT_REPLAYABLE', kind: 'event-not-applied' });
    expect(answer?.['reason']).toContain(error);
  });

  it('names a deletion for good by its stream and position, having no event id nor revision', () => {
    const deletion = { eventId: '', streamName: 'treaty-gone', revision: '', position: '9', type: '$streamDeleted' };
    const answer = answerTo({ kind: 'event-not-applied', projection: 'treaty-status', event: deletion, error: 'x' });
    expect(answer?.['event']).toEqual({ stream: 'treaty-gone', position: '9', type: '$streamDeleted' });
  });

  it('is 503 EVENT_STORE_UNAVAILABLE when the store stopped answering', () => {
    expect(answerTo({ kind: 'store-unavailable', projection: 'treaty-status', error: 'gone' })).toMatchObject({
      status: 503,
      code: 'EVENT_STORE_UNAVAILABLE',
    });
  });

  it("is left to the generic 500 when the service failed (the read model's file), naming an event or not", () => {
    expect(answerTo({ kind: 'failed', projection: 'treaty-status', event: EVENT, error: 'disk full' })).toBeUndefined();
    expect(answerTo({ kind: 'failed', projection: 'treaty-status', error: 'disk full' })).toBeUndefined();
  });
});
