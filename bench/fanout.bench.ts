import { request } from 'node:http';
import { BENCH_EDITOR_KEY, startBenchApp } from './bench-app';
import { latencies, type Row } from './stats';

/** Opens an SSE stream with plain HTTP and reports when each `id:` line arrives. */
function subscriber(url: string, onId: (id: string) => void): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Accept: 'text/event-stream' } }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 1);
          if (line.startsWith('id: ')) onId(line.slice(4).trim());
        }
      });
      resolve(() => req.destroy());
    });
    req.on('error', reject);
    req.end();
  });
}

/** Scenario 5: time from an append's acknowledgement to its update at each of `subscribers` SSE subscribers. */
export async function fanoutBench(subscribers: number, appends: number): Promise<Row[]> {
  const { app, base } = await startBenchApp();
  const acknowledged = new Map<string, number>();
  const delays: number[] = [];
  let received = 0;
  const closers: (() => void)[] = [];
  try {
    for (let index = 0; index < subscribers; index++) {
      closers.push(
        await subscriber(`${base}/live`, (id) => {
          const at = acknowledged.get(id);
          received += 1;
          if (at !== undefined) delays.push(performance.now() - at);
        }),
      );
    }
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${BENCH_EDITOR_KEY}` },
        body: JSON.stringify(body),
      });
    await post('/treaties', { id: 'bench-fanout', title: 'Bench', parties: ['RU', 'IR'], category: 'trade' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    received = 0;
    for (let index = 0; index < appends; index++) {
      const response = await post('/treaties/bench-fanout/developments', {
        type: 'legislative-approval',
        party: 'RU',
        body: `Chamber ${index}`,
        occurredOn: '2025-04-08',
        source: { publisher: 'Bench Gazette', publishedOn: '2025-04-08' },
      });
      const { position } = (await response.json()) as { position: string };
      acknowledged.set(position, performance.now());
      const expected = (index + 1) * subscribers;
      for (const deadline = Date.now() + 5000; received < expected && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
  } finally {
    closers.forEach((close) => close());
    await app.close();
  }
  const { p50, p99 } = latencies(delays);
  return [
    {
      scenario: '5. live fan-out',
      subject: `${subscribers} SSE subscribers, ${appends} appends`,
      figures: `append ack → update received: p50 ${p50}, p99 ${p99} (${delays.length} of ${subscribers * appends} delivered)`,
    },
  ];
}
