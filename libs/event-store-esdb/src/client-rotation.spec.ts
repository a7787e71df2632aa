import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { ClientRotation } from './client-rotation';

interface FakeClient {
  readonly id: number;
  disposed: boolean;
}

function rotation(options: { graceMs?: number; maxRetired?: number } = {}) {
  let made = 0;
  const madeClients: FakeClient[] = [];
  const clients = new ClientRotation<FakeClient>({
    create: () => {
      const client = { id: ++made, disposed: false };
      madeClients.push(client);
      return client;
    },
    dispose: async (client) => {
      client.disposed = true;
    },
    ...options,
  });
  return { clients, made: madeClients };
}

describe('ClientRotation', () => {
  it('disposes a replaced client at once when no call uses it, over any number of replacements', () => {
    const { clients, made } = rotation();
    for (let round = 0; round < 1_000; round++) clients.replace(clients.current);
    expect(made).toHaveLength(1_001);
    expect(made.filter((client) => !client.disposed)).toEqual([clients.current]);
    expect(clients.retiredCount).toBe(0);
  });

  it('replaces a client once, however many calls saw it fail', () => {
    const { clients, made } = rotation();
    const failed = clients.current;
    expect(clients.replace(failed)).toBe(true);
    expect(clients.replace(failed)).toBe(false);
    expect(made).toHaveLength(2);
  });

  it('keeps a replaced client while a call uses it, and disposes it when the last one ends', () => {
    const { clients } = rotation();
    const first = clients.acquire();
    const second = clients.acquire();
    clients.replace(first.client);
    expect(first.client.disposed).toBe(false);
    first.release();
    first.release(); // released twice counts once
    expect(first.client.disposed).toBe(false);
    second.release();
    expect(first.client.disposed).toBe(true);
    expect(clients.retiredCount).toBe(0);
  });

  it('disposes a replaced client whose calls outlast its grace', async () => {
    const { clients } = rotation({ graceMs: 20 });
    const lease = clients.acquire();
    clients.replace(lease.client);
    await sleep(60);
    expect(lease.client.disposed).toBe(true);
    expect(clients.retiredCount).toBe(0);
    lease.release();
  });

  it('keeps at most maxRetired replaced clients in use, letting the oldest go first', () => {
    const { clients } = rotation({ maxRetired: 3 });
    const leases = Array.from({ length: 10 }, () => {
      const lease = clients.acquire();
      clients.replace(lease.client);
      return lease;
    });
    expect(clients.retiredCount).toBe(3);
    expect(leases.map((lease) => lease.client.disposed)).toEqual([...Array(7).fill(true), false, false, false]);
  });

  it('disposes every client on close', async () => {
    const { clients, made } = rotation();
    clients.acquire();
    clients.replace(clients.current);
    await clients.close();
    expect(made.every((client) => client.disposed)).toBe(true);
  });
});
