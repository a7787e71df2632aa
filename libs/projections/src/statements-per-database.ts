import type { Database } from 'better-sqlite3';

/**
 * Statements prepared once per read-model connection and kept for as long as it lives: preparing them on every
 * call costs more than the work they do. Returns the function that gives a connection its statements, preparing
 * them with `prepare` the first time; a connection that is closed and dropped takes its statements with it.
 */
export function statementsPerDatabase<Statements>(prepare: (db: Database) => Statements): (db: Database) => Statements {
  const prepared = new WeakMap<Database, Statements>();
  return (db) => {
    let statements = prepared.get(db);
    if (statements === undefined) {
      statements = prepare(db);
      prepared.set(db, statements);
    }
    return statements;
  };
}
