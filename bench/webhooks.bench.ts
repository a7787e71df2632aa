import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_WEBHOOK_SETTINGS } from '../apps/api/src/config/app-config';
import { MAX_WEBHOOKS_PER_KEY } from '../apps/api/src/webhooks/webhooks.service';
import { BENCH_EDITOR_KEY, startBenchApp } from './bench-app';
import { latencies, type Row } from './stats';

/**
 * Scenario 8: `subscriptions` webhook subscriptions on one loopback receiver, `updates` appends one after the
 * other; for each delivery, the time from the append's acknowledgement to its arrival at the receiver. Each
 * update waits until every subscription has delivered the previous one, as scenario 5 does, so that the figure is
 * latency, not a queue.
 */
export async function webhooksBench(subscriptions: number, updates: number): Promise<Row[]> {
  const acknowledged = new Map<string, number>();
  const delays: number[] = [];
  let received = 0;
  const receiver = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const at = performance.now();
      const sent = acknowledged.get((JSON.parse(body) as { id: string }).id);
      received += 1;
      if (sent !== undefined) delays.push(at - sent);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  // A key holds at most MAX_WEBHOOKS_PER_KEY subscriptions: the subscriptions are spread over as many editors' keys.
  const keys = Array.from(
    { length: Math.ceil(subscriptions / MAX_WEBHOOKS_PER_KEY) },
    (_, index) => `webhook-key-for-the-benchmark-${String(index).padStart(4, '0')}`,
  );
  const { app, base } = await startBenchApp({
    apiKeys: [BENCH_EDITOR_KEY, ...keys].map((key) => `editor:${key}`).join(','),
    webhooks: { ...DEFAULT_WEBHOOK_SETTINGS, allowPrivateTargets: true },
  });
  const post = async (path: string, body: unknown, key = BENCH_EDITOR_KEY) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { eventId: string };
  };
  try {
    for (let index = 0; index < subscriptions; index++) {
      await post('/webhooks', { url }, keys[Math.floor(index / MAX_WEBHOOKS_PER_KEY)]);
    }
    await post('/treaties', { id: 'bench-webhooks', title: 'Bench', parties: ['RU', 'IR'], category: 'trade' });
    for (const deadline = Date.now() + 30_000; received < subscriptions && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    received = 0;
    for (let index = 0; index < updates; index++) {
      const started = performance.now();
      const { eventId } = await post('/treaties/bench-webhooks/developments', {
        type: 'legislative-approval',
        party: 'RU',
        body: `Chamber ${index}`,
        occurredOn: '2025-04-08',
        source: { publisher: 'Bench Gazette', publishedOn: '2025-04-08' },
      });
      // The append is acknowledged when its answer arrives; a delivery may even come first.
      acknowledged.set(eventId, started);
      const expected = (index + 1) * subscriptions;
      for (const deadline = Date.now() + 10_000; received < expected && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
  } finally {
    await app.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  }
  const { p50, p99 } = latencies(delays);
  return [
    {
      scenario: '8. webhooks',
      subject: `${subscriptions} subscriptions, ${updates} updates`,
      figures: `append → delivery received: p50 ${p50}, p99 ${p99} (${delays.length} of ${subscriptions * updates} delivered)`,
    },
  ];
}
