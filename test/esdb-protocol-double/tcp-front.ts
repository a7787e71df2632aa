import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * The address clients use for a cluster node: a TCP relay to the node's gRPC server, so that a test can kill the
 * node as the kernel ends a killed process's connections (each open connection reset, new ones refused), which
 * the gRPC server's own shutdown cannot show: it closes its HTTP/2 sessions politely, and clients see CANCELLED
 * instead of the UNAVAILABLE of a lost connection.
 */
export interface TcpFront {
  readonly port: number;
  /** Client connections open now: how many channels clients hold to this node. */
  readonly openConnections: number;
  /** Resets every open connection and refuses new ones, at once. */
  kill(): void;
}

export async function openTcpFront(targetPort: number, port = 0): Promise<TcpFront> {
  const sockets = new Set<Socket>();
  const clients = new Set<Socket>();
  const track = (socket: Socket): void => {
    // As gRPC sets it on its own sockets: without it, Nagle's algorithm holds small HTTP/2 frames back ~40 ms.
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  };
  const server = createServer((client) => {
    const upstream = createConnection(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    clients.add(client);
    client.once('close', () => clients.delete(client));
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await listenRetryingABusyPort(server, port);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the front has no TCP port');
  return {
    port: address.port,
    get openConnections() {
      return clients.size;
    },
    kill: () => {
      server.close();
      for (const socket of sockets) socket.resetAndDestroy();
    },
  };
}

/**
 * Listens on `port` (0: any free one). A restarted node takes back its old port, which, once freed, the kernel may
 * have handed meanwhile to another process's outgoing connection (another test worker's client) as its local port:
 * EADDRINUSE until that connection closes. That is tried again for a few seconds, as a restarted server would be.
 */
async function listenRetryingABusyPort(server: Server, port: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      return;
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!busy || port === 0 || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
