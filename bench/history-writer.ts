import { Agent, request } from 'node:http';
import { approvalReport } from './bench-reports';
import { serveOneTask } from './child-task';
import { latencyOf, type Latency } from './stats';

/**
 * Scenario 10's client, in a process of its own: `count` writes to one treaty, one after another over one kept-alive
 * connection, each timed. Counted, not timed (unlike the load generator): the treaty's history must grow by exactly
 * `count` between the measured windows. A write that is not answered 201 fails the run.
 */
export interface HistoryPlan {
  readonly base: string;
  readonly key: string;
  readonly treatyId: string;
  readonly count: number;
  /** Numbers the reports from here, so that every chamber's name is new. */
  readonly offset: number;
}

export interface HistoryResult extends Latency {
  readonly requestsPerSecond: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function post(plan: HistoryPlan, n: number): Promise<void> {
  const body = JSON.stringify(approvalReport(n));
  return new Promise((resolve, reject) => {
    const sent = request(
      `${plan.base}/treaties/${plan.treatyId}/developments`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${plan.key}`,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          response.statusCode === 201 ? resolve() : reject(new Error(`write ${n}: ${response.statusCode} ${text}`)),
        );
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

async function write(plan: HistoryPlan): Promise<HistoryResult> {
  const samples: number[] = [];
  const started = performance.now();
  for (let index = 0; index < plan.count; index++) {
    const before = performance.now();
    await post(plan, plan.offset + index);
    samples.push(performance.now() - before);
  }
  const milliseconds = performance.now() - started;
  agent.destroy();
  return { requestsPerSecond: Math.round((plan.count * 1000) / milliseconds), ...latencyOf(samples) };
}

serveOneTask(write);
