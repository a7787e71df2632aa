// The server fixture of the official client's tests (EventStore-Client-NodeJS v6.2.1, packages/test/src/utils/
// Cluster.ts), rewritten to start this project's protocol double instead of an EventStoreDB node in docker. The
// tests keep calling `createTestNode()`, `node.up()`, `node.uri`, `node.certs.root` and `node.down()`.
//
// The client tests connect with TLS and credentials. The double models neither (see its README): TLS is
// terminated here, in front of it, with the certificates that scripts/run-client-stream-tests.sh made, and the
// double ignores the credentials' `authorization` header, as a server with every user allowed would.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { connect } = require('node:net');
const { createServer } = require('node:tls');
const double = require('@protocol-double');

const certificatesDir = process.env.CLIENT_TESTS_CERTS;
/**
 * The server the tests of v6.2.1 ran against (their `eventstore-ce:ci` image of 2024): EventStoreDB 24.10, whose
 * 1 MiB MaxAppendSize their MaximumAppendSizeExceeded test relies on. CLIENT_TESTS_SERVER picks another one of
 * the double's versions (KURRENTDB_25_1, EVENTSTOREDB_21_6).
 */
const server = double[process.env.CLIENT_TESTS_SERVER ?? 'EVENTSTOREDB_24_10'];

class DoubleNode {
  constructor(count, insecure = false) {
    if (count !== 1) throw new Error('The protocol double fixture starts single nodes only: clusters are out of scope');
    this.insecure = insecure;
    this.double = undefined;
    this.front = undefined;
    this.sockets = new Set();
  }

  setLogLevel() {
    return this;
  }

  setOption(key) {
    throw new Error(`The protocol double has no server option ${key}`);
  }

  async up() {
    this.double = await double.startEsdbProtocolDouble({ server });
    if (this.insecure) return;
    this.front = await openTlsFront(this.double.port, this.sockets);
  }

  async down() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => (this.front ? this.front.close(() => resolve()) : resolve()));
    await this.double?.stop();
  }

  get port() {
    return this.front ? this.front.address().port : this.double.port;
  }

  get uri() {
    return `localhost:${this.port}`;
  }

  get endpoints() {
    return [{ address: 'localhost', port: this.port }];
  }

  get certs() {
    if (this.insecure) throw new Error('No Cert for insecure cluster');
    const read = (name) => readFileSync(join(certificatesDir, name));
    return {
      root: read('ca.crt'),
      users: {
        admin: { userCertFile: read('user-admin.crt'), userKeyFile: read('user-admin.key') },
        invalid: { userCertFile: read('user-invalid.crt'), userKeyFile: read('user-invalid.key') },
      },
    };
  }
}

/** A TLS listener that hands each connection's decrypted bytes to the double's plain-text gRPC port. */
function openTlsFront(port, sockets) {
  const server = createServer(
    {
      key: readFileSync(join(certificatesDir, 'node.key')),
      cert: readFileSync(join(certificatesDir, 'node.crt')),
      ALPNProtocols: ['h2'],
    },
    (socket) => {
      const upstream = connect(port, '127.0.0.1');
      for (const end of [socket, upstream]) {
        sockets.add(end);
        end.on('close', () => sockets.delete(end));
      }
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
      socket.pipe(upstream).pipe(socket);
    },
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

module.exports = { DoubleNode };
