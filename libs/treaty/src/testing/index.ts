export * from './decider-specification';
export * from './treaty-fixtures';
