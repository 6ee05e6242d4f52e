/**
 * Title resolver benchmark, on two sets of titles the index does not hold, compared with PostgreSQL
 * pg_trgm (PGlite, GiST k-NN) and Fuse.js on the same queries and the same index data:
 *   1. a seeded 10 % of O*NET's alternate titles, held out of the index (development set);
 *   2. real job-posting titles labelled by hand (bench/posting-titles.ts) against the full O*NET
 *      index, less any title O*NET lists verbatim.
 * Peers are slow, so they run on fixed seeded samples and Upskill is measured on those samples too.
 *
 *   npm run bench:resolve [-- --data ../shared/data/onet-27.0 --trgm 300 --fuse 40]
 */
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import Fuse from 'fuse.js';
import { buildTitleIndex, isClearMatch, resolveTitle } from '../src/domain/titles/index.js';
import { titleWords, stemWord } from '../src/domain/titles/title-analyzer.js';
import { occupationContexts, occupationRelations, seededRandom, splitAlternateTitles } from './held-out-titles.js';
import { POSTING_TITLES } from './posting-titles.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: new URL('../../shared/data/onet-27.0', import.meta.url).pathname },
    trgm: { type: 'string', default: '300' },
    fuse: { type: 'string', default: '40' },
  },
});
const onetDir = values.data!;

interface Query {
  title: string;
  code: string;
}
interface Result {
  name: string;
  queries: number;
  top1: number;
  top5: number;
  perSecond: number;
  /** Per second of CPU time: what one core does, whatever else shares the machine. */
  perCpuSecond: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function measure(
  name: string,
  queries: Query[],
  resolve: (title: string) => Promise<string[]> | string[],
): Promise<Result> {
  const latencies: number[] = [];
  let top1 = 0;
  let top5 = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const query of queries) {
    const t = performance.now();
    const codes = await resolve(query.title);
    latencies.push(performance.now() - t);
    if (codes[0] === query.code) top1++;
    if (codes.slice(0, 5).includes(query.code)) top5++;
  }
  const elapsed = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    name,
    queries: queries.length,
    top1: top1 / queries.length,
    top5: top5 / queries.length,
    perSecond: queries.length / elapsed,
    perCpuSecond: queries.length / ((user + system) / 1e6),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

function sample(queries: Query[], size: number, seed: number): Query[] {
  const random = seededRandom(seed);
  const copy = [...queries];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, size);
}

const firstDistinct = (codes: string[], limit: number): string[] => [...new Set(codes)].slice(0, limit);

/** A title's words as the resolver compares them, order-free: equal keys mean O*NET lists the title verbatim. */
const titleKey = (title: string): string => [...new Set(titleWords(title).map(stemWord))].sort().join(' ');

interface Peers {
  trgm: (title: string) => Promise<string[]>;
  fuzzy: (title: string) => string[];
  trgmBuildMs: number;
  fuseBuildMs: number;
  close: () => Promise<void>;
}

/** pg_trgm and Fuse.js over the same titles the resolver indexes. */
async function buildPeers(indexed: { code: string; title: string }[]): Promise<Peers> {
  let started = performance.now();
  const db = await PGlite.create({ extensions: { pg_trgm } });
  await db.exec('create extension pg_trgm; create table titles (code text, title text);');
  await db.query('insert into titles select * from unnest($1::text[], $2::text[])', [
    indexed.map((t) => t.code),
    indexed.map((t) => t.title.toLowerCase()),
  ]);
  await db.exec('create index titles_trgm on titles using gist (title gist_trgm_ops);');
  const trgmBuildMs = performance.now() - started;
  started = performance.now();
  const fuse = new Fuse(indexed, { keys: ['title'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  const fuseBuildMs = performance.now() - started;
  return {
    trgm: async (title) =>
      firstDistinct(
        (
          await db.query<{ code: string }>('select code from titles order by title <-> $1 limit 50', [
            title.toLowerCase(),
          ])
        ).rows.map((r) => r.code),
        5,
      ),
    fuzzy: (title) =>
      firstDistinct(
        fuse.search(title, { limit: 50 }).map((r) => r.item.code),
        5,
      ),
    trgmBuildMs,
    fuseBuildMs,
    close: () => db.close(),
  };
}

const split = await splitAlternateTitles(onetDir);
const contexts = await occupationContexts(onetDir);
const relations = await occupationRelations(onetDir);
const occupationTitles = split.occupations.map((o) => ({ code: o.code, title: o.title }));
const indexed = [...occupationTitles, ...split.indexed];
console.log(
  `${split.heldOut.length} held-out titles, ${indexed.length} indexed titles, ${split.occupations.length} occupations`,
);

let started = performance.now();
const index = buildTitleIndex(split.occupations, split.indexed, contexts, relations);
const buildMs = performance.now() - started;
const ours = (title: string): string[] => resolveTitle(index, title, { limit: 5, minScore: 0 }).map((m) => m.code);
// Warm the JIT on other queries, as a server would be: the first run is otherwise compiled code's start-up.
for (const query of split.indexed.slice(0, 2000)) ours(query.title);

const peers = await buildPeers(indexed);
const trgmSample = sample(split.heldOut, Number(values.trgm), 1);
const fuseSample = sample(split.heldOut, Number(values.fuse), 2);
const results: [string, Result, number][] = [
  ['all held-out', await measure('Upskill', split.heldOut, ours), buildMs],
  [`sample of ${trgmSample.length}`, await measure('Upskill', trgmSample, ours), buildMs],
  [
    `sample of ${trgmSample.length}`,
    await measure('pg_trgm (PGlite, GiST k-NN)', trgmSample, peers.trgm),
    peers.trgmBuildMs,
  ],
  [`sample of ${fuseSample.length}`, await measure('Upskill', fuseSample, ours), buildMs],
  [`sample of ${fuseSample.length}`, await measure('Fuse.js 7', fuseSample, peers.fuzzy), peers.fuseBuildMs],
];
await peers.close();

// Set 2: posting titles against everything O*NET lists, less the titles it lists verbatim.
const allTitles = [...split.indexed, ...split.heldOut];
const listed = new Set([...occupationTitles, ...allTitles].map((t) => titleKey(t.title)));
const known = new Set(split.occupations.map((o) => o.code));
const mislabelled = POSTING_TITLES.filter(([, code]) => !known.has(code));
if (mislabelled.length > 0)
  throw new Error(`posting-titles.ts: no O*NET 27.0 occupation ${mislabelled.map(([, c]) => c).join(', ')}`);
const postings = POSTING_TITLES.filter(([title]) => !listed.has(titleKey(title))).map(([title, code]) => ({
  title,
  code,
}));
started = performance.now();
const fullIndex = buildTitleIndex(split.occupations, allTitles, contexts, relations);
const fullBuildMs = performance.now() - started;
const oursFull = (title: string): string[] =>
  resolveTitle(fullIndex, title, { limit: 5, minScore: 0 }).map((m) => m.code);
for (const query of split.indexed.slice(0, 2000)) oursFull(query.title);
const fullPeers = await buildPeers([...occupationTitles, ...allTitles]);
const postingFuse = sample(postings, Number(values.fuse), 3);
console.log(
  `${postings.length} posting titles O*NET does not list (of ${POSTING_TITLES.length} labelled), ` +
    `${occupationTitles.length + allTitles.length} indexed titles\n`,
);
const postingResults: [string, Result, number][] = [
  ['posting titles', await measure('Upskill', postings, oursFull), fullBuildMs],
  ['posting titles', await measure('pg_trgm (PGlite, GiST k-NN)', postings, fullPeers.trgm), fullPeers.trgmBuildMs],
  [`sample of ${postingFuse.length}`, await measure('Upskill', postingFuse, oursFull), fullBuildMs],
  [`sample of ${postingFuse.length}`, await measure('Fuse.js 7', postingFuse, fullPeers.fuzzy), fullPeers.fuseBuildMs],
];
await fullPeers.close();

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
console.log(
  '| queries | resolver | top-1 | top-5 | titles/s (1 core) | titles per CPU-second | p50 ms | p99 ms | index build ms |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [label, r, build] of [...results, ...postingResults]) {
  console.log(
    `| ${label} | ${r.name} | ${pct(r.top1)} | ${pct(r.top5)} | ${Math.round(r.perSecond).toLocaleString('en-US')} ` +
      `| ${Math.round(r.perCpuSecond).toLocaleString('en-US')} ` +
      `| ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${Math.round(build)} |`,
  );
}
const [, ourTrgm] = results[1]!;
const [, peerTrgm] = results[2]!;
const [, ourFuse] = results[3]!;
const [, peerFuse] = results[4]!;
console.log(
  `\nUpskill vs pg_trgm: ${(ourTrgm.perSecond / peerTrgm.perSecond).toFixed(0)}× the throughput, ` +
    `top-5 ${pct(ourTrgm.top5)} vs ${pct(peerTrgm.top5)}`,
);
console.log(
  `Upskill vs Fuse.js: ${(ourFuse.perSecond / peerFuse.perSecond).toFixed(0)}× the throughput, ` +
    `top-5 ${pct(ourFuse.top5)} vs ${pct(peerFuse.top5)}`,
);

// How often a typed posting title is clear enough to plan for without asking, and how often that is right.
const clear = postings
  .map((query) => ({ query, matches: resolveTitle(fullIndex, query.title, { limit: 5 }) }))
  .filter(({ matches }) => isClearMatch(matches));
const clearRight = clear.filter(({ query, matches }) => matches[0]!.code === query.code).length;
console.log(
  `Posting titles clear enough to plan without asking: ${clear.length} of ${postings.length} ` +
    `(${pct(clear.length / postings.length)}); right among them: ${clearRight} (${pct(clearRight / Math.max(1, clear.length))})`,
);
