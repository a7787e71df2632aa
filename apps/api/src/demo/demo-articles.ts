/**
 * The five news articles the demo data is built from. They are not in the repository (they are the publishers'
 * text): each is named by its file name and fingerprinted by the SHA-256 of its bytes, so whoever holds a copy can
 * tell that it is the same text the demo data quotes.
 */
export interface DemoArticle {
  readonly document: string;
  readonly sha256: string;
}

export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    document: '000_cd42b77de96537af.txt',
    sha256: 'f865ff54020279f3519a3de0f5d3d0e82b099ef1f442d17cd8050ee802843366',
  },
  {
    document: '001_b5b9460b2eca335a.txt',
    sha256: '8785e7947147d04ba22d993ab0e592e0eca4c3fa13f5cb86830fd797226a2de4',
  },
  {
    document: '002_cee2c5246c37ca1c.txt',
    sha256: 'b3a9be0bfea627f1fff54b18c7908abc1d587cd5c7cde9936a45c8ab2a3ca4d0',
  },
  {
    document: '003_ce4ed203da5d84de.txt',
    sha256: '78f809486d6e6a6aea74e544402102d8049921dca63c7647782aa9b7bc92a5cd',
  },
  {
    document: '004_e2380db49da326c3.txt',
    sha256: '23c085e312f5228c9a10f6bbf0fc7e93d31efef934e01bec6d3b621a98b574c2',
  },
];
