import { describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { Sqlite } from '@timeline/sqlite-driver';
import { statementsPerDatabase } from './statements-per-database';

describe('statementsPerDatabase', () => {
  it('prepares the statements once per connection, and again for another connection', () => {
    let preparations = 0;
    const statements = statementsPerDatabase((db: Database) => {
      preparations += 1;
      return { answer: db.prepare('SELECT 42').pluck() };
    });
    const first = new Sqlite(':memory:');
    const second = new Sqlite(':memory:');
    try {
      expect(statements(first).answer.get()).toBe(42);
      expect(statements(first)).toBe(statements(first));
      expect(preparations).toBe(1);
      expect(statements(second)).not.toBe(statements(first));
      expect(preparations).toBe(2);
    } finally {
      first.close();
      second.close();
    }
  });
});
