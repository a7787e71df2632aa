import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';
import type { TestApp } from './test-app';
import { source } from './treaty-requests';

/**
 * What a correction moving a development onto another's date wrote before decision 0042 made the decider refuse it
 * (409 DEVELOPMENT_ALREADY_ON_RECORD): appended to the store directly, as a log from then holds it. Resolves to its
 * position, for a read that waits for the read model (`minPosition`).
 */
export async function appendCorrectionMadeBefore0042(
  subject: TestApp,
  treatyId: string,
  developmentId: string,
  occurredOn: string,
): Promise<bigint> {
  const { position } = await subject.app.get<EventStore>(EVENT_STORE).appendToStream(treatyStreamName(treatyId), [
    {
      id: randomUUID(),
      type: 'DevelopmentCorrected',
      data: {
        treatyId,
        developmentId,
        changes: { occurredOn },
        reason: `The vote was on ${occurredOn}`,
        source: source({ publisher: 'RIA Novosti', publishedOn: '2025-04-18' }),
      },
    },
  ]);
  return position;
}
