// The SQLite driver every SQLite file of the project is opened with: the event store's and the read models'.
export {
  immutableFileName,
  Sqlite,
  SQLITE_DRIVER_PACKAGE,
  SQLITE_DRIVER_PATH,
  type SqliteDatabaseConstructor,
} from './sqlite-driver';
