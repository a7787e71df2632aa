import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InMemoryEventStore } from '@timeline/event-store';
import { newEvents } from '@timeline/event-store/testing';
import type { ProjectionStatus } from '@timeline/projections';
import { ProjectionHealthIndicator } from './projection.health';
import type { ReadModels } from './read-models.service';

async function checkWith(status: ProjectionStatus, position: bigint | undefined, furthestEvent = position) {
  const store = new InMemoryEventStore();
  await store.appendToStream('treaty-a', newEvents(3));
  const readModels = { projection: { name: 'treaty-status', status, position, furthestEvent, file: 'projections.db' } };
  const indicator = new ProjectionHealthIndicator(
    readModels as unknown as ReadModels,
    store,
    new HealthIndicatorService(),
  );
  return indicator.check();
}

describe('ProjectionHealthIndicator', () => {
  it('is up once the projection follows the log, with its position and the head', async () => {
    expect(await checkWith({ kind: 'live' }, 2n)).toEqual({
      projections: {
        status: 'up',
        'treaty-status': { state: 'live', position: '2', headPosition: '2', caughtUp: true },
      },
    });
  });

  it.each<ProjectionStatus>([
    { kind: 'starting' },
    { kind: 'catching-up' },
    { kind: 'stopped', reason: 'subscription-ended' },
  ])('is down while the projection is $kind: its reads would be behind the log', async (status) => {
    expect(await checkWith(status, 0n)).toMatchObject({
      projections: { status: 'down', 'treaty-status': { state: status.kind, position: '0', caughtUp: false } },
    });
  });

  it('is down, saying why, when the projection has stopped following the log', async () => {
    expect(await checkWith({ kind: 'stopped', reason: 'subscription-ended' }, 0n)).toMatchObject({
      projections: { status: 'down', 'treaty-status': { state: 'stopped', stoppedBecause: 'subscription-ended' } },
    });
  });

  // The log ends at position 2: the store was restored from an older backup under the service (decision 0064).
  it('is down, saying why, when the projection has applied events the log no longer holds', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    expect(await checkWith({ kind: 'live' }, 5n)).toMatchObject({
      projections: {
        status: 'down',
        'treaty-status': {
          state: 'live',
          position: '5',
          headPosition: '2',
          caughtUp: false,
          aheadOfTheLog: expect.stringMatching(/ends at 2, before the event at 5 .*npm run projections:rebuild/),
        },
      },
    });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/"treaty-status" has applied the log up to position 5/));
    warn.mockRestore();
    // Past the log's last event, a checkpoint may stand on a stream's deletion recorded after it: no event is lost.
    expect(await checkWith({ kind: 'live' }, 5n, 2n)).toMatchObject({
      projections: { status: 'up', 'treaty-status': { caughtUp: true } },
    });
  });

  it('is down, naming the event, when the projection has stopped at one', async () => {
    const failedAt = { eventId: 'e', streamName: 'treaty-a', revision: '1', position: '1', type: 'Odd' };
    expect(await checkWith({ kind: 'failed', event: failedAt, error: 'cannot apply' }, 0n)).toMatchObject({
      projections: { status: 'down', 'treaty-status': { state: 'failed', failedAt, error: 'cannot apply' } },
    });
  });
});
