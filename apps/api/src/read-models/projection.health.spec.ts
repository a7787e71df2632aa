import { describe, expect, it } from '@jest/globals';
import { HealthIndicatorService } from '@nestjs/terminus';
import { InMemoryEventStore } from '@timeline/event-store';
import { newEvents } from '@timeline/event-store/testing';
import type { ProjectionStatus } from '@timeline/projections';
import { ProjectionHealthIndicator } from './projection.health';
import type { ReadModels } from './read-models.service';

async function checkWith(status: ProjectionStatus, position: bigint | undefined) {
  const store = new InMemoryEventStore();
  await store.appendToStream('treaty-a', newEvents(3));
  const readModels = { projection: { name: 'treaty-status', status, position, file: 'projections.db' } };
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

  it('is down, naming the event, when the projection has stopped at one', async () => {
    const failedAt = { eventId: 'e', streamName: 'treaty-a', revision: '1', position: '1', type: 'Odd' };
    expect(await checkWith({ kind: 'failed', event: failedAt, error: 'cannot apply' }, 0n)).toMatchObject({
      projections: { status: 'down', 'treaty-status': { state: 'failed', failedAt, error: 'cannot apply' } },
    });
  });
});
