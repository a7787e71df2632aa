import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  END,
  EventStoreDBClient,
  jsonEvent,
  streamNameFilter,
  NotLeaderError,
  UnavailableError,
  UnknownError,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { GossipClient } from '@eventstore/db-client/generated/gossip_grpc_pb';
import type { ClusterInfo } from '@eventstore/db-client/generated/gossip_pb';
import { credentials } from '@grpc/grpc-js';
import { EVENTSTOREDB_21_6, startEsdbProtocolCluster, type EsdbProtocolCluster } from './index';
import { Empty, MemberInfo } from './protocol';
import { uniqueStreamName } from './spec-helpers';

const { VNodeState } = MemberInfo;

/** Gossip.Read through the generated client alone: what a node tells the client about its cluster. */
function gossip(port: number): Promise<{ port: number; state: MemberInfo.VNodeState; alive: boolean }[]> {
  const client = new GossipClient(`127.0.0.1:${port}`, credentials.createInsecure());
  return new Promise((resolve, reject) =>
    client.read(new Empty(), (error, info: ClusterInfo) => {
      client.close();
      if (error) return reject(error);
      resolve(
        info.getMembersList().map((member) => ({
          port: member.getHttpEndPoint()!.getPort(),
          state: member.getState(),
          alive: member.getIsAlive(),
        })),
      );
    }),
  );
}

async function collect<E>(source: AsyncIterable<E>): Promise<E[]> {
  const collected: E[] = [];
  for await (const item of source) collected.push(item);
  return collected;
}

const anEvent = () => jsonEvent({ id: randomUUID(), type: 'Happened', data: {} });

describe('EventStoreDB protocol double as a three-node cluster, through the real client', () => {
  let cluster: EsdbProtocolCluster;
  const clients: EventStoreDBClient[] = [];
  const connect = (connectionString = cluster.connectionString) => {
    const client = EventStoreDBClient.connectionString(connectionString);
    clients.push(client);
    return client;
  };
  /** One node alone, as a client given only its address (no gossip) would talk to it. */
  const direct = (index: number) => connect(`esdb://127.0.0.1:${cluster.nodes[index]!.port}?tls=false`);

  beforeEach(async () => {
    cluster = await startEsdbProtocolCluster();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.dispose()));
    await cluster.stop();
  });

  it('answers Gossip.Read on every node with every member, its state, liveness and endpoint', async () => {
    const ports = cluster.nodes.map((node) => node.port);
    const expected = [
      { port: ports[0], state: VNodeState.LEADER, alive: true },
      { port: ports[1], state: VNodeState.FOLLOWER, alive: true },
      { port: ports[2], state: VNodeState.FOLLOWER, alive: true },
    ];
    for (const port of ports) expect(await gossip(port)).toEqual(expected);

    await cluster.stopNode(0);
    expect(await gossip(ports[2]!)).toEqual([
      { port: ports[0], state: VNodeState.LEADER, alive: false },
      { port: ports[1], state: VNodeState.UNKNOWN, alive: true },
      { port: ports[2], state: VNodeState.UNKNOWN, alive: true },
    ]);
    await expect(gossip(ports[0]!)).rejects.toMatchObject({ code: 14 }); // UNAVAILABLE: nobody listens there
  });

  it('is found by a client given all nodes as seeds: the leader by default, a follower when preferred', async () => {
    await connect().appendToStream(uniqueStreamName(), anEvent());
    expect(cluster.nodes.map((node) => node.appendsReceived)).toEqual([1, 0, 0]);
    await connect(`${cluster.connectionString}&nodePreference=follower`).appendToStream(uniqueStreamName(), anEvent());
    expect(cluster.nodes[0]!.appendsReceived).toBe(1);
    expect(cluster.nodes[1]!.appendsReceived + cluster.nodes[2]!.appendsReceived).toBe(1);
  });

  it('forwards a write sent to a follower to the leader, and refuses it with NotLeader when it requires the leader', async () => {
    const stream = uniqueStreamName();
    const forwarded = await direct(1).appendToStream(stream, anEvent());
    expect(forwarded.nextExpectedRevision).toBe(0n);

    // Client 6.2.1 sends `requires-leader` once per BatchAppend call, with the first append that opens it: every
    // later append on that connection shares it. Hence a second client here.
    const follower = direct(1);
    const refused = await follower
      .appendToStream(stream, anEvent(), { requiresLeader: true })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NotLeaderError);
    expect(refused).toMatchObject({ leader: { address: '127.0.0.1', port: cluster.nodes[0]!.port } });
    // The client followed the leader named: the same call again lands there.
    await follower.appendToStream(stream, anEvent(), { requiresLeader: true });
    expect(cluster.nodes.map((node) => node.appendsReceived)).toEqual([1, 2, 0]);
    expect(await collect(direct(2).readStream(stream))).toHaveLength(2);
  });

  it('refuses a read that requires the leader on a follower, and serves any other read on every node', async () => {
    const stream = uniqueStreamName();
    await connect().appendToStream(stream, [anEvent(), anEvent()]);
    await expect(collect(direct(2).readStream(stream, { requiresLeader: true }))).rejects.toBeInstanceOf(
      NotLeaderError,
    );
    for (const index of [0, 1, 2]) expect(await collect(direct(index).readStream(stream))).toHaveLength(2);
  });

  it('refuses every write as Not Ready during an election, serves reads, and writes again once a leader is elected', async () => {
    const stream = uniqueStreamName();
    const client = connect();
    await client.appendToStream(stream, anEvent());
    cluster.startElection();
    expect(cluster.leader).toBeUndefined();
    // BatchAppend answers Not Ready as a Status with empty details, which client 6.2.1 does not recognise.
    const refused = await direct(1)
      .appendToStream(stream, anEvent())
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnknownError);
    expect((refused as Error).message).toBe('Could not recognize Server Is Not Ready');
    expect(await collect(direct(1).readStream(stream))).toHaveLength(1);
    cluster.elect(2);
    await direct(1).appendToStream(stream, anEvent());
    expect(await collect(direct(0).readStream(stream))).toHaveLength(2);
  });

  it('as a server older than 21.10 (plain Append), refuses a write during an election as UNAVAILABLE Not Ready', async () => {
    await cluster.stop();
    cluster = await startEsdbProtocolCluster({ server: EVENTSTOREDB_21_6 });
    cluster.startElection();
    const refused = await direct(1)
      .appendToStream(uniqueStreamName(), anEvent())
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnavailableError);
    expect((refused as Error).message).toContain('Server Is Not Ready');
  });

  it('kills a node: its subscriptions end with UNAVAILABLE; restarted, it follows and serves the log as replicated', async () => {
    const stream = uniqueStreamName();
    const client = direct(1);
    await client.appendToStream(stream, anEvent());
    const subscription = client.subscribeToStream(stream);
    const received: ResolvedEvent[] = [];
    const ended = new Promise<Error>((resolve) => subscription.on('error', resolve));
    subscription.on('data', (event: ResolvedEvent) => received.push(event));
    await new Promise((resolve) => subscription.once('caughtUp', resolve));
    await cluster.stopNode(1);
    expect(await ended).toBeInstanceOf(UnavailableError);
    expect(cluster.nodes[1]!.state).toBe('stopped');

    await connect().appendToStream(stream, anEvent());
    await cluster.restartNode(1);
    expect(cluster.nodes.map((node) => node.state)).toEqual(['leader', 'follower', 'follower']);
    expect(await collect(direct(1).readStream(stream))).toHaveLength(2);
  });

  it('crashes the leader in the middle of an append: the client sees the call fail, committed or not', async () => {
    const client = connect();
    const committed = uniqueStreamName();
    await client.appendToStream(committed, anEvent());
    cluster.crashLeaderDuringNextAppend('after-commit');
    await expect(client.appendToStream(committed, anEvent())).rejects.toBeDefined();
    expect(cluster.leader).toBeUndefined();
    cluster.elect(1);
    expect(await collect(direct(2).readStream(committed))).toHaveLength(2);

    const lost = uniqueStreamName();
    await direct(1).appendToStream(lost, anEvent());
    cluster.crashLeaderDuringNextAppend('before-commit');
    await expect(direct(1).appendToStream(lost, anEvent())).rejects.toBeDefined();
    expect(await collect(direct(2).readStream(lost))).toHaveLength(1);
  });

  // The server's answers from past the end of a log (restored from an older backup here): a stream read and a $all
  // read return nothing (IndexReader.ReadStreamEventsForward, AllReader: success, end of stream); a subscription
  // sends caught_up, then passes over the events at or before its starting point (Enumerator.StreamSubscription,
  // AllSubscription: GoLive).
  it('answers reads and subscriptions from past the end of the log as the server does', async () => {
    const stream = uniqueStreamName();
    const client = connect();
    await client.appendToStream(stream, anEvent());
    const backup = cluster.backup();
    await client.appendToStream(stream, [anEvent(), anEvent()]);
    const [seenLast] = await collect(
      client.readStream(stream, { direction: 'backwards', fromRevision: END, maxCount: 1 }),
    );
    const past = seenLast!.event!.position!;
    await cluster.restoreBackup(backup);

    const after = connect();
    expect(await collect(after.readStream(stream, { fromRevision: 2n }))).toEqual([]);
    expect(await collect(after.readAll({ fromPosition: past }))).toEqual([]);
    const toStream = after.subscribeToStream(stream, { fromRevision: 2n });
    const toAll = after.subscribeToAll({ fromPosition: past, filter: streamNameFilter({ prefixes: [stream] }) });
    const received = { stream: [] as bigint[], all: [] as bigint[] };
    toStream.on('data', (resolved: ResolvedEvent) => received.stream.push(resolved.event!.revision));
    toAll.on('data', (resolved: ResolvedEvent) => received.all.push(resolved.event!.revision));
    await Promise.all(
      [toStream, toAll].map((subscription) => new Promise((resolve) => subscription.once('caughtUp', resolve))),
    );
    // The lost events are written again (the same sizes take the same positions), then one more.
    await after.appendToStream(stream, [anEvent(), anEvent()]);
    await after.appendToStream(stream, anEvent());
    const deadline = Date.now() + 3_000;
    while ((received.stream.length < 1 || received.all.length < 1) && Date.now() < deadline) await sleep(10);
    expect(received).toEqual({ stream: [3n], all: [3n] });
    await Promise.all([toStream.unsubscribe(), toAll.unsubscribe()]);
  });

  it('lets a stranger take a killed node’s address: a lone leader with its own log, found during an election', async () => {
    const stream = uniqueStreamName();
    await connect().appendToStream(stream, anEvent());
    const deadPort = cluster.nodes[0]!.port;
    await cluster.stopNode(0);
    const stopStranger = await cluster.startStrangerAt(0);
    try {
      expect(await gossip(deadPort)).toEqual([{ port: deadPort, state: VNodeState.LEADER, alive: true }]);
      // No member is one the client may use (all electing): the seeds' discovery takes the stranger.
      await expect(collect(connect().readStream(stream, { requiresLeader: true }))).rejects.toMatchObject({
        type: 'stream-not-found',
      });
      await expect(cluster.restartNode(0)).rejects.toThrow();
    } finally {
      await stopStranger();
    }
    await expect(gossip(deadPort)).rejects.toBeDefined();
  });
});
