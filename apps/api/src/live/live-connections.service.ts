import { Inject, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics.service';
import { ApiProblem } from '../problems/api-problem';
import { clientKeyOf } from '../auth/client-key';

/** Counts open SSE streams per client (API key, or address) and refuses one past the configured bound. */
@Injectable()
export class LiveConnections {
  private readonly open = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Refuses at once (429) when the client has too many streams open; otherwise counts one more until the
   * returned release is called (once, when the stream closes).
   */
  admit(request: AuthenticatedRequest): () => void {
    const client = clientKeyOf(request);
    const limit = this.config.limits.sseConnectionsPerClient;
    if ((this.open.get(client) ?? 0) >= limit) {
      throw new ApiProblem(429, 'TOO_MANY_STREAMS', `At most ${limit} live streams may be open per client`);
    }
    this.change(client, +1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.change(client, -1);
    };
  }

  private change(client: string, by: number): void {
    const count = (this.open.get(client) ?? 0) + by;
    if (count <= 0) this.open.delete(client);
    else this.open.set(client, count);
    this.metrics.liveSubscribers.inc(by);
  }
}
