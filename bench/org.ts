/**
 * The organisation at scale: 100,000 people with job titles sampled from real O*NET titles are
 * written to a CSV roster, imported (streamed, titles resolved, levels and gaps stored), assessed and
 * rolled up by team; time and peak RSS of each step. Peer in the same run: the same roll-up (people
 * missing each skill per team, hours) as one SQL query over org_person_gaps, on the embedded store and,
 * with BENCH_DATABASE_URL (or TEST_DATABASE_URL), on a PostgreSQL server.
 *
 *   npm run bench:org [-- --people 100000]
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { readConfig } from '../src/app/config.js';
import { loadReferenceData } from '../src/app/load-reference-data.js';
import { openApp } from '../src/app/upskill-app.js';
import { importRoster } from '../src/app/import-roster.js';
import { assessWorkforce, workforceReadiness } from '../src/app/assess-workforce.js';
import { openDatabase } from '../src/store/database.js';
import { listTitles } from '../src/store/occupation.repository.js';
import * as org from '../src/store/organisation.repository.js';

const SHARED = new URL('../../shared/data/', import.meta.url).pathname;
const argPeople = process.argv.indexOf('--people');
const PEOPLE = argPeople > 0 ? Number(process.argv[argPeople + 1]) : 100_000;
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let seed = 13;
const next = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 4294967296;
};

const db = await openDatabase({ kind: 'embedded-memory' });
const app = await openApp({ ...readConfig({}), home: '/nonexistent', dataDir: SHARED }, db);
let t = Date.now();
await loadReferenceData(db, app.config, { from: SHARED, onlyIn: [] });
const loadMs = Date.now() - t;
const rssAfterLoad = process.memoryUsage().rss;

// Titles as people write them: O*NET's alternate and reported titles, sampled uniformly.
const titles = (await listTitles(db)).map((r) => r.title).filter((title) => !/[",\n]/.test(title));
const dir = mkdtempSync(join(tmpdir(), 'bench-org-'));
const file = join(dir, 'roster.csv');
const out = createWriteStream(file);
out.write('Employee ID,Name,Job Title,Department,Team,Manager,Grade,Hours for learning,Skills\n');
const skillPool = ['Python', 'SQL', 'ChatGPT', 'Prompt engineering', 'Spreadsheets', 'Data visualization'];
for (let i = 1; i <= PEOPLE; i++) {
  const team = Math.floor(next() * 500);
  const skills = skillPool.filter(() => next() < 0.2).map((s) => `${s}:${1 + Math.floor(next() * 3)}`);
  const line =
    `E${i},Bench Person ${i},${titles[Math.floor(next() * titles.length)]},Dept ${team % 10},Team ${team},` +
    `${i > 500 ? `E${1 + Math.floor(next() * 500)}` : ''},L${1 + Math.floor(next() * 5)},${2 + Math.floor(next() * 5)},` +
    `"${skills.join('; ')}"\n`;
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

// RSS at every batch of the import (5,000 people): flat while streaming, then the assessment's model.
const samples: { at: number; rss: number; rows: number; stage: string }[] = [];
const started = Date.now();
t = Date.now();
const report = await importRoster(
  app,
  { path: file },
  {
    onProgress: (p) =>
      samples.push({ at: Date.now() - started, rss: process.memoryUsage().rss, rows: p.rows, stage: p.stage }),
  },
);
const importMs = Date.now() - t;

t = Date.now();
const assessment = await assessWorkforce(app, { fresh: true });
const assessMs = Date.now() - t;
t = Date.now();
const rolled = await workforceReadiness(app, 'team', { kind: 'personal' });
const rollUpMs = Date.now() - t;

t = Date.now();
const sqlEmbedded = await org.rollUpGaps(db, 'team');
const sqlEmbeddedMs = Date.now() - t;
const [gapCount] = await db.query<{ n: number }>('select count(*)::int as n from org_person_gaps');

// The peer on a PostgreSQL server: the same people and gaps copied there, the same one query.
const url = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
let server: { copyMs: number; queryMs: number; groups: number } | string = 'not run: set BENCH_DATABASE_URL';
if (url) {
  const admin = await openDatabase({ kind: 'postgres', url });
  await admin.exec('drop schema public cascade; create schema public;');
  await admin.close();
  const pg = await openDatabase({ kind: 'postgres', url });
  t = Date.now();
  await org.upsertPeople(pg, await org.listPeople(db));
  await org.replacePersonGaps(pg, [], await org.listPersonGaps(db));
  const copyMs = Date.now() - t;
  await pg.query('analyze org_person_gaps');
  await pg.query('analyze org_people');
  t = Date.now();
  const pgRolled = await org.rollUpGaps(pg, 'team');
  server = { copyMs, queryMs: Date.now() - t, groups: pgRolled.length };
  await pg.close();
}

const inMemoryCells = rolled.groups.reduce((sum, g) => sum + g.missingSkills.length, 0);
const rowsOf = (n: number) => n.toLocaleString('en-US');
const serverRow =
  typeof server === 'string'
    ? `${server} | |`
    : `${seconds(server.queryMs)} | copy there ${seconds(server.copyMs)}; ${rowsOf(server.groups)} rows |`;
const titlesNote =
  `${rowsOf(report.rows)} people; ${report.titles.resolved} clear titles, ${report.titles.lowConfidence} to confirm, ` +
  `${report.titles.unresolved} unresolved; ${assessment.occupations.size} occupations`;
const rollUpNote = `${rolled.groups.length} teams; ${inMemoryCells} most-missing cells`;
const sqlNote = `${rowsOf(gapCount!.n)} gap rows → ${rowsOf(sqlEmbedded.length)} team × skill rows`;
const rss = samples
  .map(
    (s) =>
      `${Math.round(s.at / 1000)} s ${mb(s.rss)} (${rowsOf(s.rows)} ${s.stage === 'assessing' ? 'read; assessing' : 'rows'})`,
  )
  .join('; ');
console.log(`## Organisation benchmark: ${rowsOf(PEOPLE)} people (${new Date().toISOString().slice(0, 10)})

Machine: ${process.platform} ${process.arch}, Node ${process.version}; embedded store (PGlite) in memory.
Titles sampled uniformly from O*NET 27.0's ${rowsOf(titles.length)} alternate and reported titles.

| step | time | notes |
|---|---|---|
| load the public data (not part of the import) | ${seconds(loadMs)} | RSS after: ${mb(rssAfterLoad)} |
| import: stream the CSV, resolve titles, store people and skills, assess, store gaps | ${seconds(importMs)} | ${titlesNote} |
| assess again (fresh, in memory) | ${seconds(assessMs)} | ${rowsOf(assessment.people.length)} people assessed |
| roll up by team (in memory, cached assessment) | ${seconds(rollUpMs)} | ${rollUpNote} |
| peer: one SQL roll-up over org_person_gaps, embedded | ${seconds(sqlEmbeddedMs)} | ${sqlNote} |
| peer: the same SQL on a PostgreSQL server | ${serverRow}

Peak RSS of the whole run: ${mb(peakRss())}.

RSS during the import (at each batch of 5,000): ${rss}.
`);
rmSync(dir, { recursive: true, force: true });
await app.close();
