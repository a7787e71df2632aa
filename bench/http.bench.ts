import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BENCH_EDITOR_KEY, keepConnectionsOpen, startBenchApp } from './bench-app';
import { fmt, latencies, perSecond, type Row } from './stats';

@Controller()
class BareController {
  @Post('bare')
  @HttpCode(201)
  accept(@Body() body: unknown): { ok: boolean } {
    return { ok: body !== undefined };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

/** Sends `total` POSTs from `concurrency` loops on loopback; returns requests/s and latencies. */
async function load(
  target: (index: number) => string,
  body: (index: number) => unknown,
  total: number,
  concurrency: number,
  key?: string,
) {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const before = performance.now();
        const response = await fetch(target(index), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
          body: JSON.stringify(body(index)),
        });
        await response.arrayBuffer();
        if (response.status !== 201) throw new Error(`POST ${target(index)} answered ${response.status}`);
        samples.push(performance.now() - before);
      }
    }),
  );
  return { rate: perSecond(total, performance.now() - started), ...latencies(samples) };
}

const TREATIES = 100;
const development = (index: number) => ({
  type: 'legislative-approval',
  party: index % 2 ? 'RU' : 'IR',
  body: `Chamber ${index}`,
  occurredOn: '2025-04-08',
  source: { publisher: 'Bench Gazette', publishedOn: '2025-04-08' },
});

/**
 * Scenario 4: POST .../developments at increasing concurrency, against a bare NestJS route that does nothing.
 * Writes are spread over 100 treaties, as real traffic is: one treaty's writes are serialised by its revision, and
 * each write reads its stream to decide, so one ever-growing treaty would measure something else.
 */
export async function httpBench(total: number, concurrencies: readonly number[]): Promise<Row[]> {
  const { app, base } = await startBenchApp();
  const bare = await NestFactory.create(BareModule, { logger: false });
  await bare.listen(0, '127.0.0.1');
  keepConnectionsOpen(bare);
  const bareUrl = `${(await bare.getUrl()).replace('[::1]', '127.0.0.1')}/bare`;
  const rows: Row[] = [];
  try {
    const treaty = (index: number) => ({
      id: `bench-http-${index}`,
      title: 'Bench',
      parties: ['RU', 'IR'],
      category: 'trade',
    });
    await load(() => `${base}/treaties`, treaty, TREATIES, 4, BENCH_EDITOR_KEY);
    let offset = 0;
    for (const concurrency of concurrencies) {
      const start = offset;
      const url = (index: number) => `${base}/treaties/bench-http-${(start + index) % TREATIES}/developments`;
      const ours = await load(url, (index) => development(start + index), total, concurrency, BENCH_EDITOR_KEY);
      offset += total;
      const limit = await load(() => bareUrl, development, total, concurrency);
      rows.push({
        scenario: rows.length === 0 ? '4. HTTP POST developments' : '',
        subject: `concurrency ${concurrency}: ours / bare`,
        figures: `${fmt(ours.rate)} / ${fmt(limit.rate)} req/s, p99 ${ours.p99} / ${limit.p99}`,
        ratio: (ours.rate / limit.rate).toFixed(2),
      });
    }
  } finally {
    await app.close();
    await bare.close();
  }
  return rows;
}
