// `@test-utils` of the official client's tests: their own helpers, unchanged, except the server fixture, which
// starts the protocol double (test-node.cjs).
const { DoubleNode } = require('./test-node.cjs');

module.exports = {
  ...require('@client-test-utils/collect'),
  ...require('@client-test-utils/createManyPs'),
  ...require('@client-test-utils/Defer'),
  ...require('@client-test-utils/delay'),
  ...require('@client-test-utils/testEvents'),
  ...require('@client-test-utils/getCurrentConnection'),
  ...require('@client-test-utils/matchServerVersion'),
  ...require('@client-test-utils/optionalDescribe'),
  ...require('@client-test-utils/postEventViaHttpApi'),
  Cluster: DoubleNode,
  createTestNode: () => new DoubleNode(1),
  createTestCluster: (count = 3) => new DoubleNode(count),
  createInsecureTestNode: () => new DoubleNode(1, true),
  createInsecureTestCluster: (count = 3) => new DoubleNode(count, true),
};
