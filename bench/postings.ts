/**
 * Postings benchmark: a corpus of distinct postings made from the 1,000 real LinkedIn texts
 * (seeded: each generated posting takes the title and company of one real posting and mixes its
 * sentences with sentences of several others, and is dated in a month of 2022-01 … 2025-12, so
 * de-duplication keeps them all), imported and analysed end to end:
 *
 *   - import: `importPostings` with one extraction thread per core, batches of 1,000, on the
 *     PostgreSQL server (DATABASE_URL or --url) and on the embedded store: postings per second and
 *     peak RSS of the whole process (each run is its own process), at each corpus size;
 *   - analysis: the top 20 skills of the last quarter plus the monthly trend (count and share of
 *     postings) of the first of them, end to end in SQL over the stored mentions;
 *   - peers in the same run, on the largest PostgreSQL corpus: the same top-N GROUP BY in DuckDB
 *     (@duckdb/node-api, over the mentions exported from the server) and in PostgreSQL.
 *
 *   npm run bench:postings [-- --sizes 100000,1000000 --embedded 100000 --url postgresql://…]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { seededRandom } from './held-out-titles.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    embedded: { type: 'string', default: '100000' },
    url: { type: 'string', default: process.env['DATABASE_URL'] ?? '' },
    data: { type: 'string', default: new URL('../../shared/data/', import.meta.url).pathname },
    run: { type: 'string' },
    size: { type: 'string' },
    peers: { type: 'boolean', default: false },
  },
});
const cache = new URL('./.cache/', import.meta.url).pathname;
mkdirSync(cache, { recursive: true });
const corpusFile = (size: number): string => join(cache, `postings-${size}.jsonl`);

/** The months the generated postings are spread over. */
const MONTHS = Array.from(
  { length: 48 },
  (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

async function writeCorpus(size: number): Promise<void> {
  const file = corpusFile(size);
  if (existsSync(file)) return;
  const real = parse(readFileSync(join(values.data!, 'linkedin-2024-sample/postings.csv')), {
    columns: true,
  }) as Record<string, string>[];
  const sentencesOf = real.map((r) =>
    r['description']!.split(/(?<=[.!?])\s+|\n+/)
      .map((s) => s.trim())
      .filter((s) => s.length >= 30 && s.length <= 400),
  );
  const random = seededRandom(12);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const out = createWriteStream(`${file}.part`);
  for (let i = 0; i < size; i++) {
    const base = Math.floor(random() * real.length);
    const own = sentencesOf[base]!;
    const sentences: string[] = [];
    const count = 5 + Math.floor(random() * 8);
    for (let s = 0; s < count; s++) {
      // Half from the posting itself (so its title fits its text), half from three others.
      const from = s % 2 === 0 && own.length > 0 ? own : sentencesOf[Math.floor(random() * real.length)]!;
      if (from.length > 0) sentences.push(pick(from));
    }
    const month = pick(MONTHS);
    const line = JSON.stringify({
      id: `g${i}`,
      date: `${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      title: real[base]!['title'],
      company: real[base]!['company'],
      location: real[base]!['location'],
      description: sentences.join(' '),
    });
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  renameSync(`${file}.part`, file);
}

interface RunResult {
  store: string;
  size: number;
  importSeconds: number;
  postingsPerSecond: number;
  kept: number;
  duplicates: number;
  mentions: number;
  peakRssMb: number;
  analysisMs: number;
  peers?: { postgresGroupByMs: number; duckdbGroupByMs: number; duckdbLoadSeconds: number; sameTop: boolean };
}

const TOP_SQL = `select s.skill_id, count(*)::int as postings
  from posting_skills s join postings p on p.id = s.posting_id
  where p.posted_month >= date '2025-10-01'
  group by s.skill_id order by postings desc, s.skill_id limit 20`;
const TREND_SQL = `select to_char(p.posted_month, 'YYYY-MM') as month, count(s.posting_id)::int as asking,
    (select count(*) from postings q where q.posted_month = p.posted_month)::int as postings
  from postings p left join posting_skills s on s.posting_id = p.id and s.skill_id = $1
  group by p.posted_month order by p.posted_month`;

/** One measured run, in its own process so that its peak RSS is its own. */
async function measure(store: 'postgres' | 'embedded', size: number): Promise<RunResult> {
  const { readConfig } = await import('../src/app/config.js');
  const { loadReferenceData } = await import('../src/app/load-reference-data.js');
  const { openApp } = await import('../src/app/upskill-app.js');
  const { importPostings } = await import('../src/app/import-postings.js');
  const { openDatabase } = await import('../src/store/database.js');
  let db;
  if (store === 'postgres') {
    const admin = await openDatabase({ kind: 'postgres', url: values.url! });
    await admin.exec(
      'drop schema if exists graphile_worker cascade; drop schema public cascade; create schema public;',
    );
    await admin.close();
    db = await openDatabase({ kind: 'postgres', url: values.url! });
  } else {
    const dir = join(cache, `embedded-${size}`);
    rmSync(dir, { recursive: true, force: true });
    db = await openDatabase({ kind: 'embedded', dir });
  }
  const config = { ...readConfig({}), home: join(cache, 'home') };
  await loadReferenceData(db, config, { from: values.data!, onlyIn: [] });
  const app = await openApp(config, db);
  const started = performance.now();
  const [result] = await importPostings(app, corpusFile(size), {
    threads: availableParallelism(),
    batchSize: 1000,
    queue: false,
  });
  const importSeconds = (performance.now() - started) / 1000;

  const analysisStart = performance.now();
  const top = await db.query<{ skill_id: string; postings: number }>(TOP_SQL);
  await db.query(TREND_SQL, [top[0]!.skill_id]);
  const analysisMs = performance.now() - analysisStart;
  const [{ mentions }] = (await db.query<{ mentions: number }>(
    'select count(*)::int as mentions from posting_skills',
  )) as [{ mentions: number }];
  const out: RunResult = {
    store,
    size,
    importSeconds,
    postingsPerSecond: size / importSeconds,
    kept: result!.run.rowsKept,
    duplicates: result!.run.duplicates,
    mentions,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    analysisMs,
  };
  if (values.peers && store === 'postgres')
    out.peers = await peers(
      db,
      top.map((row) => row.skill_id),
    );
  await app.close();
  return out;
}

/** The same top-N GROUP BY in PostgreSQL and in DuckDB over the mentions exported from the server. */
async function peers(
  db: { query<R>(sql: string, params?: readonly (string | number)[]): Promise<R[]> },
  ours: string[],
): Promise<NonNullable<RunResult['peers']>> {
  const pg = (await import('pg')).default;
  const { to } = await import('pg-copy-streams');
  const { pipeline } = await import('node:stream/promises');
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const pgStart = performance.now();
  await db.query(TOP_SQL);
  const postgresGroupByMs = performance.now() - pgStart;

  const csv = join(cache, 'mentions.csv');
  const loadStart = performance.now();
  const client = new pg.Client({ connectionString: values.url! });
  await client.connect();
  await pipeline(
    client.query(
      to(`copy (select s.posting_id, s.skill_id, p.posted_month from posting_skills s join postings p on p.id = s.posting_id)
          to stdout with (format csv)`),
    ),
    createWriteStream(csv),
  );
  await client.end();
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  await connection.run(
    `create table mentions as select * from read_csv('${csv}', ` +
      `columns = {'posting_id': 'BIGINT', 'skill_id': 'VARCHAR', 'posted_month': 'DATE'})`,
  );
  const duckdbLoadSeconds = (performance.now() - loadStart) / 1000;
  const duckStart = performance.now();
  const reader = await connection.runAndReadAll(
    `select skill_id, count(*) as postings from mentions where posted_month >= date '2025-10-01'
     group by skill_id order by postings desc, skill_id limit 20`,
  );
  const duckdbGroupByMs = performance.now() - duckStart;
  const theirs = reader.getRows().map((row) => String(row[0]));
  connection.closeSync();
  rmSync(csv, { force: true });
  return { postgresGroupByMs, duckdbGroupByMs, duckdbLoadSeconds, sameTop: theirs.join() === ours.join() };
}

if (values.run) {
  const result = await measure(values.run as 'postgres' | 'embedded', Number(values.size));
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

// --- the parent: corpora, then one child process per run ------------------------------------------
const sizes = values
  .sizes!.split(',')
  .map(Number)
  .filter((size) => size > 0);
const embeddedSizes = values.embedded
  ? values.embedded
      .split(',')
      .map(Number)
      .filter((size) => size > 0)
  : [];
for (const size of new Set([...sizes, ...embeddedSizes])) {
  const started = performance.now();
  await writeCorpus(size);
  process.stderr.write(
    `corpus of ${size.toLocaleString('en-US')} postings: ${(statSync(corpusFile(size)).size / 1e6).toFixed(0)} MB ` +
      `(${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );
}
const runs: [string, number, boolean][] = [
  ...(values.url ? sizes.map((size, i): [string, number, boolean] => ['postgres', size, i === sizes.length - 1]) : []),
  ...embeddedSizes.map((size): [string, number, boolean] => ['embedded', size, false]),
];
if (!values.url) process.stderr.write('no --url / DATABASE_URL: the PostgreSQL runs are skipped\n');
const results: RunResult[] = [];
for (const [store, size, withPeers] of runs) {
  process.stderr.write(`› ${store}, ${size.toLocaleString('en-US')} postings …\n`);
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL(import.meta.url).pathname,
      '--run',
      store,
      '--size',
      String(size),
      '--url',
      values.url!,
      '--data',
      values.data!,
      ...(withPeers ? ['--peers'] : []),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 },
  );
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`the ${store} run of ${size} failed (exit ${child.status})`);
  const result = JSON.parse(line.slice(7)) as RunResult;
  results.push(result);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const f = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });
process.stdout.write(
  `\n| store | postings | import | postings/s | kept | duplicates | mentions | peak RSS | top-20 + trend |\n` +
    `|---|---|---|---|---|---|---|---|---|\n`,
);
for (const r of results)
  process.stdout.write(
    `| ${r.store} | ${f(r.size)} | ${f(r.importSeconds)} s | ${f(r.postingsPerSecond)} | ${f(r.kept)} | ${f(r.duplicates)} | ` +
      `${f(r.mentions)} | ${f(r.peakRssMb)} MB | ${f(r.analysisMs)} ms |\n`,
  );
const withPeers = results.find((r) => r.peers);
if (withPeers?.peers) {
  const p = withPeers.peers;
  process.stdout.write(
    `\nTop-20 GROUP BY over ${f(withPeers.mentions)} mentions: PostgreSQL ${f(p.postgresGroupByMs)} ms, DuckDB ` +
      `${f(p.duckdbGroupByMs, 1)} ms (after ${f(p.duckdbLoadSeconds, 1)} s to export and load), same top 20: ${p.sameTop}\n`,
  );
}
process.stdout.write(`\n${availableParallelism()} cores; each run is its own process (peak RSS is its own).\n`);
