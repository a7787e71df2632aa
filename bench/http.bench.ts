import { join } from 'node:path';
import { Body, Controller, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BENCH_EDITOR_KEY, keepConnectionsOpen, startBenchApp } from './bench-app';
import { runInChildProcess } from './child-task';
import { BENCH_TREATIES, type LoadPlan, type LoadResult } from './load-generator';
import { fmt, latencyFigures, type Row } from './stats';

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

/** A NestJS app with one route that does nothing: the limit a route of ours is measured against. */
export async function startBareApp(): Promise<{ bare: INestApplication; bareBase: string }> {
  const bare = await NestFactory.create(BareModule, { logger: false });
  await bare.listen(0, '127.0.0.1');
  keepConnectionsOpen(bare);
  return { bare, bareBase: (await bare.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** Runs one plan in a forked load generator; every request must have been answered 2xx. */
export async function load(plan: LoadPlan): Promise<LoadResult> {
  const result = await runInChildProcess<LoadPlan, LoadResult>(join(__dirname, 'load-generator.js'), plan);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${plan.kind}: ${result.non2xx} answers were not 2xx, ${result.errors} requests failed`);
  }
  return result;
}

/**
 * Scenario 4: POST .../developments at increasing concurrency, against a bare NestJS route that does nothing, both
 * loaded by autocannon from another process. Writes are spread over 100 treaties, as real traffic is: one treaty's
 * writes are serialised by its revision, and each write reads its stream to decide, so one ever-growing treaty
 * would measure something else.
 */
export async function httpBench(seconds: number, concurrencies: readonly number[]): Promise<Row[]> {
  const { app, base } = await startBenchApp();
  const { bare, bareBase } = await startBareApp();
  const rows: Row[] = [];
  try {
    const key = BENCH_EDITOR_KEY;
    await load({ base, kind: 'register-treaties', count: BENCH_TREATIES, concurrency: 4, offset: 0, key });
    let offset = 0;
    for (const concurrency of concurrencies) {
      const ours = await load({ base, kind: 'developments', seconds, concurrency, offset, key });
      offset += ours.requests;
      const limit = await load({ base: bareBase, kind: 'bare', seconds, concurrency, offset: 0 });
      rows.push({
        scenario: rows.length === 0 ? '4. HTTP POST developments' : '',
        subject: `concurrency ${concurrency}: ours / bare`,
        figures: `${fmt(ours.requestsPerSecond)} / ${fmt(limit.requestsPerSecond)} req/s, ${latencyFigures(ours, limit)}`,
        ratio: (ours.requestsPerSecond / limit.requestsPerSecond).toFixed(2),
      });
    }
  } finally {
    await app.close();
    await bare.close();
  }
  return rows;
}
