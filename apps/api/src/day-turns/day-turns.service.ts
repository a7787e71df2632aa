import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { StatusTurn } from '@timeline/projections';
import { CLOCK, latestDateOnEarth, type Clock } from '../clock';
import { ReadModels } from '../read-models/read-models.service';

/** How often the clock is read for a new day: cheap (one date and a comparison), and it follows a clock set by hand. */
export const DAY_CHECK_MS = 1000;

/** A day that has come, and the treaties whose status changes on it (or on a day since the previous one seen). */
export interface DayCame {
  readonly day: string;
  readonly turns: readonly StatusTurn[];
}

/**
 * Watches the service's clock for the next day (the latest date on Earth, UTC+14: the present's day, decision 0035)
 * and, when one comes, says which treaties a date set ahead changes that day, from the read model. Nothing is
 * appended: it is what the record already determines, read against the new day. Every replica runs it for its own
 * live subscribers; webhooks keep their own checkpoint of the days delivered and use `days` only to wake up.
 */
@Injectable()
export class DayTurns implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly days = new Subject<DayCame>();
  private lastDay: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('DayTurns');

  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    // The live feed announces the days that come while it runs: whoever connects later reads today's status.
    this.lastDay = this.today();
    this.timer = setInterval(() => this.check(), DAY_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.days.complete();
  }

  /** The present's day by the service's clock. */
  today(): string {
    return latestDateOnEarth(this.clock());
  }

  /**
   * Announces the day if it is new: the turns of every day after the last one announced, up to it (a clock that
   * jumps over days, or an event loop held past midnight, misses none). A clock set back announces nothing again.
   */
  check(): DayCame | undefined {
    const today = this.today();
    const after = this.lastDay;
    if (after === undefined || today <= after) return undefined;
    let turns: StatusTurn[];
    try {
      turns = this.readModels.treaties.statusTurns(after, today);
    } catch (error) {
      // The read model is being swapped (a rebuild's promotion): the next check reads it again.
      this.logger.warn(`Could not read the turns of ${today}: ${String(error)}`);
      return undefined;
    }
    this.lastDay = today;
    const came = { day: today, turns };
    this.days.next(came);
    return came;
  }
}
