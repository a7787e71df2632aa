import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  aTreaty,
  call,
  copiesInLog,
  followLive,
  postUntilStored,
  ratification,
  signature,
  until,
  waitUntilReady,
} from '../cluster/replica-checks';

/**
 * `npm run test:cluster` (scripts/test-cluster.sh): the replica checks against the compose `cluster` profile, a
 * real 3-node KurrentDB cluster and two api replicas behind nginx, which the script brings up and tears down.
 * Named *.real-spec.ts so that `npm test` never collects it. Its settings come from the script:
 */
const balancer = process.env.CLUSTER_URL ?? 'http://127.0.0.1:8080';
const replicas = (process.env.CLUSTER_REPLICA_URLS ?? 'http://127.0.0.1:3101,http://127.0.0.1:3102').split(',');
const editorKey = process.env.CLUSTER_EDITOR_KEY ?? '';
const auditorKey = process.env.CLUSTER_AUDITOR_KEY ?? '';
/** The compose project to stop the leader in; unset: the failover check is skipped (e.g. a cluster of your own). */
const composeProject = process.env.CLUSTER_COMPOSE_PROJECT;
const NODES = ['node1', 'node2', 'node3'];

function compose(...args: string[]): string {
  return execFileSync('docker', ['compose', '-p', composeProject!, '--profile', 'cluster', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
}

/** The node that leads now, as the cluster's gossip (HTTP, from inside a node) tells it. */
function currentLeader(): string {
  let seen = 'no gossip';
  for (const node of NODES) {
    let gossip: { members: { state: string; isAlive: boolean; httpEndPointIp?: string }[] };
    try {
      gossip = JSON.parse(compose('exec', '-T', node, 'curl', '-fsS', 'http://localhost:2113/gossip'));
    } catch {
      continue; // stopped, or not answering yet
    }
    seen = JSON.stringify(
      gossip.members.map(({ state, isAlive, httpEndPointIp }) => ({ state, isAlive, httpEndPointIp })),
    );
    const leader = gossip.members.find((member) => member.isAlive && member.state.toLowerCase() === 'leader');
    // Each node advertises itself under its service name (KURRENTDB_NODE_HOST_ADVERTISE_AS).
    if (leader?.httpEndPointIp && NODES.includes(leader.httpEndPointIp)) return leader.httpEndPointIp;
  }
  throw new Error(`No node reports a leader among ${NODES.join(', ')}: ${seen}`);
}

describe(`the cluster profile: replicas ${replicas.join(', ')} behind ${balancer}`, () => {
  const treaty = aTreaty(randomUUID().slice(0, 8));
  const developments = `/treaties/${treaty.id}/developments`;
  const everywhere = [balancer, ...replicas];

  beforeAll(async () => {
    expect(editorKey).not.toBe('');
    expect(auditorKey).not.toBe('');
    await Promise.all(everywhere.map((base) => waitUntilReady(base, 120_000)));
  }, 150_000);

  /** The same GET through every replica and the balancer: the answers, which must all be the same. */
  async function readEverywhere(path: string) {
    const answers = await Promise.all(everywhere.map((base) => call(base, 'GET', path)));
    for (const answer of answers) expect(answer.status).toBe(200);
    for (const answer of answers.slice(1)) expect(answer.body).toEqual(answers[0]!.body);
    return answers[0]!;
  }

  it('serves the same projections from every replica: written through the balancer, read through each', async () => {
    expect((await call(balancer, 'POST', '/treaties', { key: editorKey, body: treaty })).status).toBe(201);
    const signed = await call(balancer, 'POST', developments, { key: editorKey, body: signature() });
    expect(signed.status).toBe(201);
    const status = await readEverywhere(`/treaties/${treaty.id}?minPosition=${signed.body.position}`);
    expect(status.body).toMatchObject({ status: 'signed' });
    await readEverywhere(`/treaties/${treaty.id}/timeline`);
  });

  it('sends every live update from every replica and through the balancer, at once (no buffering)', async () => {
    const feeds = everywhere.map((base) => followLive(`${base}/treaties/${treaty.id}/live`));
    try {
      await Promise.all(feeds.map((feed) => feed.opened));
      const written = await call(replicas[1]!, 'POST', developments, {
        key: editorKey,
        body: ratification('RU', '2025-04-21'),
      });
      expect(written.status).toBe(201);
      const position = written.body.position as string;
      await until(
        () => feeds.every((feed) => feed.received.some((message) => message.id === position)),
        'every feed',
        3_000,
      );
      const messages = feeds.map((feed) => feed.received.find((message) => message.id === position));
      for (const message of messages.slice(1)) expect(message).toEqual(messages[0]);
    } finally {
      feeds.forEach((feed) => feed.close());
    }
  });

  (composeProject ? it : it.skip)(
    'survives stopping the leader: writes are stored once (retried with their Idempotency-Key), every replica follows',
    async () => {
      const feeds = everywhere.map((base) => followLive(`${base}/treaties/${treaty.id}/live`));
      const leader = currentLeader();
      try {
        await Promise.all(feeds.map((feed) => feed.opened));
        compose('stop', leader);
        const idempotencyKey = randomUUID();
        const body = ratification('IR', '2025-05-28');
        const { answer, failures } = await postUntilStored([balancer], developments, body, {
          key: editorKey,
          idempotencyKey,
          timeoutMs: 60_000,
        });
        console.log(`${leader} stopped; the write was stored after ${failures.length} retryable refusals`);
        const position = answer.body.position as string;
        const status = await readEverywhere(`/treaties/${treaty.id}?minPosition=${position}`);
        expect(status.body).toMatchObject({ status: 'ratified' });
        await readEverywhere(`/treaties/${treaty.id}/timeline`);
        for (const base of replicas) expect(await copiesInLog(base, auditorKey, answer.body.eventId)).toBe(1);
        await until(
          () => feeds.every((feed) => feed.received.some((message) => message.id === position)),
          'every feed after the failover',
          30_000,
        );
        for (const feed of feeds) expect(feed.received.filter((message) => message.id === position)).toHaveLength(1);
        expect(currentLeader()).not.toBe(leader);
      } finally {
        feeds.forEach((feed) => feed.close());
        compose('start', leader);
      }
    },
    150_000,
  );
});
