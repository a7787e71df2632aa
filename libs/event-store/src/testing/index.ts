export { describeEventStoreConformance, type ConformanceSubject } from './event-store-conformance';
export { collect, newEvents, readUntil, uniqueStreamName, waitFor } from './conformance-helpers';
export { uniqueIdsAcrossStreamsSpec } from './unique-ids-across-streams';
export { scriptedStore } from './scripted-store';
export { subscriptionsEndingEarly } from './subscriptions-ending-early';
export { subscriptionsFailingAt } from './subscriptions-failing-at';
