// The client tests' `@jest-environment ./src/utils/enableVersionCheck.ts`: the original starts a node in docker
// and stores the server's capabilities (its version) in `global.capabilities`; this one asks a protocol double,
// through the same client call, what it announces. run-client-stream-tests.sh installs it under that name.
const NodeEnvironment = require('jest-environment-node');
const { EventStoreDBClient } = require(process.env.CLIENT_TESTS_DB_CLIENT);
const protocolDouble = require(process.env.CLIENT_TESTS_DOUBLE);
const server = protocolDouble[process.env.CLIENT_TESTS_SERVER ?? 'EVENTSTOREDB_24_10'];

class DoubleVersionEnvironment extends NodeEnvironment {
  async setup() {
    await super.setup();
    const double = await protocolDouble.startEsdbProtocolDouble({ server });
    const client = EventStoreDBClient.connectionString(double.connectionString);
    try {
      this.global.capabilities = await client.capabilities;
    } finally {
      await client.dispose();
      await double.stop();
    }
  }
}

module.exports = DoubleVersionEnvironment;
