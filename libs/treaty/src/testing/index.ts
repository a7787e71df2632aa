export * from './decider-specification';
export * from './treaty-fixtures';
export * from './treaty-law-fixtures';
export * from './status-views';
