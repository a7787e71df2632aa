import { describe, expect, it } from '@jest/globals';
import { OneWriteAtATime } from './one-write-at-a-time';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('OneWriteAtATime', () => {
  it('runs the writes to one treaty one after another, in the order they came', async () => {
    const writes = new OneWriteAtATime();
    const log: string[] = [];
    const write = (name: string) => async () => {
      log.push(`${name} starts`);
      await nextTurn();
      log.push(`${name} ends`);
      return name;
    };
    const results = await Promise.all([writes.run('ru-ir', write('a')), writes.run('ru-ir', write('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
  });

  it('lets writes to different treaties run together', async () => {
    const writes = new OneWriteAtATime();
    const log: string[] = [];
    const write = (name: string) => async () => {
      log.push(`${name} starts`);
      await nextTurn();
      log.push(`${name} ends`);
    };
    await Promise.all([writes.run('ru-ir', write('ru-ir')), writes.run('eaeu-ir', write('eaeu-ir'))]);
    expect(log.slice(0, 2)).toEqual(['ru-ir starts', 'eaeu-ir starts']);
  });

  it('runs the next write after one that failed, and passes each its own outcome', async () => {
    const writes = new OneWriteAtATime();
    const failing = writes.run('ru-ir', () => Promise.reject(new Error('refused')));
    const next = writes.run('ru-ir', () => Promise.resolve('recorded'));
    await expect(failing).rejects.toThrow('refused');
    await expect(next).resolves.toBe('recorded');
  });

  it('forgets a treaty once its writes have settled', async () => {
    const writes = new OneWriteAtATime();
    await Promise.all([writes.run('ru-ir', () => Promise.resolve(1)), writes.run('ru-ir', () => Promise.resolve(2))]);
    await nextTurn();
    expect(writes.busyTreaties).toBe(0);
  });
});
