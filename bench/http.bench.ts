import { join } from 'node:path';
import { Body, Controller, HttpCode, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BENCH_EDITOR_KEY, keepConnectionsOpen, startBenchApp } from './bench-app';
import { runInChildProcess } from './child-task';
import { BENCH_TREATIES, type LoadPlan, type LoadResult, type LoadTask } from './load-generator';
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

/** Runs plans in turns in a forked load generator (see LoadTask); every request must have been answered 2xx. */
async function loadInTurns(plans: readonly LoadPlan[], rounds: number): Promise<LoadResult[]> {
  const results = await runInChildProcess<LoadTask, LoadResult[]>(join(__dirname, 'load-generator.js'), {
    plans,
    rounds,
  });
  for (const [index, result] of results.entries()) {
    if (result.non2xx > 0 || result.errors > 0) {
      const { kind } = plans[index]!;
      throw new Error(`${kind}: ${result.non2xx} answers were not 2xx, ${result.errors} requests failed`);
    }
  }
  return results;
}

/** Runs one plan in a forked load generator. */
export async function load(plan: LoadPlan): Promise<LoadResult> {
  const [result] = await loadInTurns([plan], 1);
  return result!;
}

/** Turns each side takes in one comparison. */
const ROUNDS = 5;

/**
 * Loads our route and the bare one in turns from one client process, `seconds` in all for each (ROUNDS runs of a
 * fifth, after a warm-up of both): the machine's speed drifts within a run (the bare route's own rate moved by half
 * between runs minutes apart), and sides timed one after the other measured the drift.
 */
export async function sideBySide(
  ours: LoadPlan,
  bare: LoadPlan,
  seconds: number,
): Promise<{ ours: LoadResult; limit: LoadResult }> {
  const [oursResult, limit] = await loadInTurns(
    [
      { ...ours, seconds },
      { ...bare, seconds },
    ],
    ROUNDS,
  );
  return { ours: oursResult!, limit: limit! };
}

/**
 * Scenario 4: POST .../developments at increasing concurrency, against a bare NestJS route that does nothing, both
 * loaded by autocannon from another process, in turns (`sideBySide`). Writes are spread over 100 treaties, as real
 * traffic is: one treaty's writes are serialised by its revision, so one ever-growing treaty would measure
 * something else (scenario 10 does).
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
      const { ours, limit } = await sideBySide(
        { base, kind: 'developments', concurrency, offset, key },
        { base: bareBase, kind: 'bare', concurrency, offset: 0 },
        seconds,
      );
      offset += ours.issued;
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
