export * from './audit-log-reader';
export * from './checkpoint';
export * from './event-integrity';
export * from './log-verification';
export * from './log-verifier';
export * from './ndjson-events';
export * from './recorded-time';
