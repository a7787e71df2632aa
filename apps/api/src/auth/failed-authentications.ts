import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 100_000;

/**
 * Wrong keys per client address in fixed one-minute windows. Guessing keys costs a guesser its address's budget
 * (TIMELINE_AUTH_FAILURES_PER_MINUTE), and a client over it is refused before its key is even compared.
 */
@Injectable()
export class FailedAuthentications {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Seconds until the address may try again, or undefined when it is within its budget. */
  retryAfter(address: string): number | undefined {
    const now = this.clock().getTime();
    const window = this.windows.get(address);
    if (!window || now - window.start >= WINDOW_MS) return undefined;
    if (window.count < this.config.limits.authFailuresPerMinute) return undefined;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  record(address: string): void {
    const now = this.clock().getTime();
    const window = this.windows.get(address);
    const current = window && now - window.start < WINDOW_MS ? window : { start: now, count: 0 };
    current.count += 1;
    this.windows.set(address, current);
    if (this.windows.size > MAX_TRACKED) {
      for (const [tracked, { start }] of this.windows) if (now - start >= WINDOW_MS) this.windows.delete(tracked);
    }
  }
}
