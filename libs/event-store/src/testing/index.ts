export { describeEventStoreConformance, type ConformanceSubject } from './event-store-conformance';
export { collect, newEvents, readUntil, uniqueStreamName, waitFor } from './conformance-helpers';
