import { loadavg } from 'node:os';
import { extractDevelopments, type KnownTreaty } from '@timeline/extraction';
import { DEMO_ARTICLES } from '../apps/api/src/demo/demo-data';
import { DEMO_TREATIES } from '../apps/api/src/demo/demo-data';
import { locateSeedArticles } from '../apps/api/src/demo/testing/seed-articles';
import { latencies, type Row } from './stats';

/** Used when the demo articles are not beside the clone: news-like sentences with every kind of date and act. */
const STAND_IN = [
  'Lawmakers in Russia’s lower-house State Duma on Tuesday ratified a 20-year strategic partnership treaty with Iran.',
  'The pact, signed by President Vladimir Putin and his Iranian counterpart Masoud Pezeshkian in January, aims to strengthen cooperation.',
  'The Russian legislative branch approved the pact in April.',
  'Moreover, a free trade agreement between Iran and the Russian-led Eurasian Economic Union took effect last week.',
  '“The agreement takes relations to a new level,” Duma Speaker Vyacheslav Volodin said last week ahead of the vote.',
  'In June, Russia signed a partnership agreement with North Korea, and in December, a security treaty with Belarus formalized the deployment.',
  'Trade and finance are at the forefront of the deal, analysts say, as both economies face heavy Western sanctions.',
].join(' ');

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Scenario 7: one extraction call on a ~10,000-word text (the demo articles repeated), against the demo registry. */
export function extractionBench(targetWords: number, repeat: number): Row[] {
  const seeds = locateSeedArticles();
  const source = seeds.available ? DEMO_ARTICLES.map((article) => seeds.read(article.document)).join('\n\n') : STAND_IN;
  const copies = Math.ceil(targetWords / words(source));
  const text = Array.from({ length: copies }, () => source).join('\n\n');
  const known: KnownTreaty[] = DEMO_TREATIES.map((treaty) => treaty.registration as unknown as KnownTreaty);
  extractDevelopments({ text: source, publishedOn: '2025-04-08' }, known); // warm-up: compromise's lexicon, JIT
  const samples: number[] = [];
  let cpu = 0;
  let proposals = 0;
  for (let index = 0; index < repeat; index++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    proposals = extractDevelopments({ text, publishedOn: '2025-04-08' }, known).proposals.length;
    const used = process.cpuUsage(usage);
    samples.push(performance.now() - started);
    cpu += (used.user + used.system) / 1000;
  }
  const { p50, p99 } = latencies(samples);
  // CPU time beside wall time: on a shared machine the wall time mostly measures the other processes.
  const load = loadavg()[0]!.toFixed(1);
  return [
    {
      scenario: '7. extraction',
      subject: `${words(text).toLocaleString('en-US')} words (${seeds.available ? 'demo articles' : 'stand-in'} ×${copies})`,
      figures: `p50 ${p50}, p99 ${p99}, CPU ${(cpu / repeat).toFixed(0)} ms per call (load ${load}); ${proposals} proposals`,
    },
  ];
}
