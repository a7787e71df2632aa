export * from './sqlite-event-store';
export { LATEST_SCHEMA_VERSION, UnsupportedSchemaVersionError } from './schema-migrations';
export { isSqliteFile, readEventFile } from './event-file-reader';
