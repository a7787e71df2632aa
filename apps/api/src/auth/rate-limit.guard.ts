import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { CLOCK, type Clock } from '../clock';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiProblem } from '../problems/api-problem';
import type { AuthenticatedRequest } from './api-key.guard';
import { clientKeyOf } from './client-key';

const WINDOW_MS = 60_000;

/**
 * Requests per minute per API key (its fingerprint), or per address for requests without one, in fixed one-minute
 * windows. Runs after the key guard, which has put the caller on the request. Hand-written because
 * @nestjs/throttler ships CommonJS that requires NestJS 12's ESM-only packages, which jest cannot load on Node 20.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const tracker = clientKeyOf(request);
    const now = this.clock().getTime();
    const window = this.windows.get(tracker);
    const current = window && now - window.start < WINDOW_MS ? window : { start: now, count: 0 };
    current.count += 1;
    this.windows.set(tracker, current);
    if (this.windows.size > 100_000) this.forgetExpired(now);
    const limit = this.config.limits.ratePerMinute;
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('RateLimit-Limit', limit);
    response.setHeader('RateLimit-Remaining', Math.max(0, limit - current.count));
    if (current.count <= limit) return true;
    const retryAfter = Math.ceil((current.start + WINDOW_MS - now) / 1000);
    response.setHeader('Retry-After', retryAfter);
    throw new ApiProblem(429, 'RATE_LIMITED', `More than ${limit} requests in a minute: retry in ${retryAfter} s`);
  }

  private forgetExpired(now: number): void {
    for (const [tracker, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(tracker);
  }
}
