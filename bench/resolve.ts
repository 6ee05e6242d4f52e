/**
 * Title resolver benchmark: hold out a seeded 10 % of O*NET's alternate titles (removed from the
 * index), resolve them, and compare with PostgreSQL pg_trgm (PGlite, GiST k-NN) and Fuse.js on the
 * same queries and the same index data. Peers are slow, so they run on fixed seeded samples and
 * Upskill is measured on those same samples too.
 *
 *   npm run bench:resolve [-- --data ../shared/data/onet-27.0 --trgm 300 --fuse 40]
 */
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import Fuse from 'fuse.js';
import { buildTitleIndex, resolveTitle } from '../src/domain/titles/index.js';
import { occupationContexts, seededRandom, splitAlternateTitles } from './held-out-titles.js';

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
  for (const query of queries) {
    const t = performance.now();
    const codes = await resolve(query.title);
    latencies.push(performance.now() - t);
    if (codes[0] === query.code) top1++;
    if (codes.slice(0, 5).includes(query.code)) top5++;
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    queries: queries.length,
    top1: top1 / queries.length,
    top5: top5 / queries.length,
    perSecond: queries.length / elapsed,
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

const split = await splitAlternateTitles(onetDir);
const contexts = await occupationContexts(onetDir);
const indexed = [...split.occupations.map((o) => ({ code: o.code, title: o.title })), ...split.indexed];
console.log(
  `${split.heldOut.length} held-out titles, ${indexed.length} indexed titles, ${split.occupations.length} occupations\n`,
);

let started = performance.now();
const index = buildTitleIndex(split.occupations, split.indexed, contexts);
const buildMs = performance.now() - started;
const ours = (title: string): string[] => resolveTitle(index, title, { limit: 5, minScore: 0 }).map((m) => m.code);
resolveTitle(index, 'warm up');

started = performance.now();
const db = await PGlite.create({ extensions: { pg_trgm } });
await db.exec('create extension pg_trgm; create table titles (code text, title text);');
await db.query('insert into titles select * from unnest($1::text[], $2::text[])', [
  indexed.map((t) => t.code),
  indexed.map((t) => t.title.toLowerCase()),
]);
await db.exec('create index titles_trgm on titles using gist (title gist_trgm_ops);');
const trgmBuildMs = performance.now() - started;
const trgm = async (title: string): Promise<string[]> =>
  firstDistinct(
    (
      await db.query<{ code: string }>('select code from titles order by title <-> $1 limit 50', [title.toLowerCase()])
    ).rows.map((r) => r.code),
    5,
  );

started = performance.now();
const fuse = new Fuse(indexed, { keys: ['title'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
const fuseBuildMs = performance.now() - started;
const fuzzy = (title: string): string[] =>
  firstDistinct(
    fuse.search(title, { limit: 50 }).map((r) => r.item.code),
    5,
  );

const trgmSample = sample(split.heldOut, Number(values.trgm), 1);
const fuseSample = sample(split.heldOut, Number(values.fuse), 2);
const results: [string, Result, number][] = [
  ['all held-out', await measure('Upskill', split.heldOut, ours), buildMs],
  [`sample of ${trgmSample.length}`, await measure('Upskill', trgmSample, ours), buildMs],
  [`sample of ${trgmSample.length}`, await measure('pg_trgm (PGlite, GiST k-NN)', trgmSample, trgm), trgmBuildMs],
  [`sample of ${fuseSample.length}`, await measure('Upskill', fuseSample, ours), buildMs],
  [`sample of ${fuseSample.length}`, await measure('Fuse.js 7', fuseSample, fuzzy), fuseBuildMs],
];
await db.close();

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
console.log('| queries | resolver | top-1 | top-5 | titles/s (1 core) | p50 ms | p99 ms | index build ms |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [label, r, build] of results) {
  console.log(
    `| ${label} | ${r.name} | ${pct(r.top1)} | ${pct(r.top5)} | ${Math.round(r.perSecond).toLocaleString('en-US')} ` +
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
