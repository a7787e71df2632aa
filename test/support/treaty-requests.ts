import request from 'supertest';
import type { App } from 'supertest/types';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type RecordedEvent } from '@timeline/event-store';
import { isPartialDate, startOfPeriod, treatyStreamName } from '@timeline/treaty';
import { KEYS, bearer } from './api-keys';
import type { TestApp } from './test-app';

export const RU_IR = {
  id: 'ru-ir-comprehensive-strategic-partnership',
  title: 'Treaty on Comprehensive Strategic Partnership between Russia and Iran',
  parties: ['RU', 'IR'],
  category: 'partnership',
};

export const source = (overrides: Record<string, unknown> = {}) => ({
  publisher: 'The Moscow Times',
  url: 'https://example.org/duma-vote',
  publishedOn: '2025-04-08',
  quote: 'Lawmakers in Russia’s lower-house State Duma on Tuesday ratified',
  ...overrides,
});

/**
 * A report of the Duma's vote; with `overrides`, of another act. Unless the overrides give a source, the article
 * is of the act's day (the first day of its month or year): a source cannot report an act before it was done.
 */
export const dumaApproval = (overrides: Record<string, unknown> = {}) => {
  const occurredOn = typeof overrides['occurredOn'] === 'string' ? overrides['occurredOn'] : '2025-04-08';
  return {
    type: 'legislative-approval',
    party: 'RU',
    body: 'State Duma',
    occurredOn,
    source: source({ publishedOn: articleDateFor(occurredOn, '2025-04-08') }),
    ...overrides,
  };
};

/** A report of the signature, by an article of its day (of the first day of its month or year). */
export const signature = (overrides: Record<string, unknown> = {}) => {
  const occurredOn = typeof overrides['occurredOn'] === 'string' ? overrides['occurredOn'] : '2025-01-17';
  return {
    type: 'signed',
    occurredOn,
    place: 'Moscow',
    source: source({
      publisher: 'Agence France-Presse',
      publishedOn: articleDateFor(occurredOn, '2025-01-17'),
      url: undefined,
      quote: undefined,
    }),
    ...overrides,
  };
};

/** A report of the signature from a paper of its own: one source giving its date twice is refused (decision 0040). */
export const signatureReportedBy = (paper: string) =>
  signature({ source: { ...signature().source, url: `https://example.org/${paper.toLowerCase()}` } });

export function post(http: App, path: string, body: unknown, key: string = KEYS.editor) {
  return request(http)
    .post(path)
    .set('Authorization', bearer(key))
    .send(body as object);
}

export async function registerRuIr(http: App): Promise<void> {
  await post(http, '/treaties', RU_IR).expect(201);
}

/** The events of a treaty's stream, read from the app's own store: what was really appended. */
export async function storedEvents(subject: TestApp, treatyId: string): Promise<RecordedEvent[]> {
  const store = subject.app.get<EventStore>(EVENT_STORE);
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readStream(treatyStreamName(treatyId))) events.push(event);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return events;
}

export const fixedClock =
  (iso = '2025-06-01T12:00:00.000Z') =>
  () =>
    new Date(iso);

/** The first day of the act's period; for a date the API must refuse (a test of validation), `otherwise`. */
function articleDateFor(occurredOn: string, otherwise: string): string {
  return isPartialDate(occurredOn) ? startOfPeriod(occurredOn) : otherwise;
}
