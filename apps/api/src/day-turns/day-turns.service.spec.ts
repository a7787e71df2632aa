import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { StatusTurn } from '@timeline/projections';
import type { ReadModels } from '../read-models/read-models.service';
import { dateCameId, dayBegins, turnIsAfter } from './date-came';
import { DAY_CHECK_MS, DayTurns, type DayCame } from './day-turns.service';

/** The read model's turns: one treaty entering into force on 24 August 2026, another on the 26th. */
const TURNS: StatusTurn[] = [
  { treatyId: 'at-be', day: '2026-08-24', status: 'in-force', previousStatus: 'ratified' },
  { treatyId: 'cz-de', day: '2026-08-26', status: 'in-force', previousStatus: 'ratified' },
];

function start(at: string) {
  let now = new Date(at);
  const asked: [string, string][] = [];
  const readModels = {
    treaties: {
      statusTurns: (after: string, through: string) => {
        asked.push([after, through]);
        return TURNS.filter((turn) => turn.day > after && turn.day <= through);
      },
    },
  };
  const dayTurns = new DayTurns(readModels as unknown as ReadModels, () => now);
  const came: DayCame[] = [];
  dayTurns.days.subscribe((day) => came.push(day));
  dayTurns.onApplicationBootstrap();
  return {
    dayTurns,
    came,
    asked,
    setClock: (iso: string) => (now = new Date(iso)),
  };
}

describe('DayTurns: the days that come by the service’s clock', () => {
  const started: DayTurns[] = [];
  afterEach(() => {
    started.splice(0).forEach((dayTurns) => dayTurns.onApplicationShutdown());
    jest.useRealTimers();
  });

  it('announces a day when it begins at UTC+14, with the treaties it changes, once', () => {
    // 1 August 2026 at noon UTC is 2 August at UTC+14.
    const subject = start('2026-08-01T12:00:00Z');
    started.push(subject.dayTurns);
    expect(subject.dayTurns.check()).toBeUndefined();
    // 09:59 UTC on 23 August: the 24th has begun nowhere yet.
    subject.setClock('2026-08-23T09:59:59Z');
    subject.dayTurns.check();
    expect(subject.came.map(({ day }) => day)).toEqual(['2026-08-23']);
    expect(subject.came[0]!.turns).toEqual([]);
    subject.setClock('2026-08-23T10:00:00Z');
    subject.dayTurns.check();
    subject.dayTurns.check();
    expect(subject.came.map(({ day }) => day)).toEqual(['2026-08-23', '2026-08-24']);
    expect(subject.came[1]!.turns).toEqual([TURNS[0]]);
    expect(subject.asked).toEqual([
      ['2026-08-02', '2026-08-23'],
      ['2026-08-23', '2026-08-24'],
    ]);
  });

  it('misses no day the clock jumps over, and announces none again when it is set back', () => {
    // 23 August at UTC+14, then 28 August: both treaties' days lie between.
    const subject = start('2026-08-22T12:00:00Z');
    started.push(subject.dayTurns);
    subject.setClock('2026-08-27T12:00:00Z');
    subject.dayTurns.check();
    expect(subject.came).toEqual([{ day: '2026-08-28', turns: TURNS }]);
    subject.setClock('2026-08-23T12:00:00Z');
    subject.dayTurns.check();
    subject.setClock('2026-08-27T12:00:00Z');
    subject.dayTurns.check();
    expect(subject.came).toHaveLength(1);
  });

  it('looks at the clock on its own, every second', () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T00:00:00Z') });
    const subject = start('2026-08-23T09:00:00Z');
    started.push(subject.dayTurns);
    subject.setClock('2026-08-23T10:00:01Z');
    expect(subject.came).toEqual([]);
    jest.advanceTimersByTime(DAY_CHECK_MS);
    expect(subject.came).toEqual([{ day: '2026-08-24', turns: [TURNS[0]] }]);
  });
});

describe('a day’s change, named', () => {
  it('by the treaty and the day alone', () => {
    const id = dateCameId({ treatyId: 'at-be', day: '2026-08-24' });
    expect(id).toBe(dateCameId({ treatyId: 'at-be', day: '2026-08-24' }));
    expect(id).not.toBe(dateCameId({ treatyId: 'at-be', day: '2026-08-25' }));
    expect(id).not.toBe(dateCameId({ treatyId: 'cz-de', day: '2026-08-24' }));
  });

  it('begins where days begin first, and is ordered by day then treaty', () => {
    expect(dayBegins('2026-08-24').toISOString()).toBe('2026-08-23T10:00:00.000Z');
    const mark = { day: '2026-08-24', treatyId: 'at-be' };
    expect(turnIsAfter({ day: '2026-08-24', treatyId: 'cz-de' }, mark)).toBe(true);
    expect(turnIsAfter({ day: '2026-08-25', treatyId: 'aa' }, mark)).toBe(true);
    expect(turnIsAfter({ day: '2026-08-24', treatyId: 'at-be' }, mark)).toBe(false);
    expect(turnIsAfter({ day: '2026-08-23', treatyId: 'zz' }, mark)).toBe(false);
  });
});
