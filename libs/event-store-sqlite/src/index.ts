export * from './sqlite-event-store';
export { LATEST_SCHEMA_VERSION, UnsupportedSchemaVersionError } from './schema-migrations';
export { Sqlite, SQLITE_DRIVER_PACKAGE } from './sqlite-driver';
