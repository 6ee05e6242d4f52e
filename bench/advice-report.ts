/**
 * The figures docs/exposure.md and docs/hours-saved.md report, computed from the public data:
 * how observed use (Anthropic Economic Index, Microsoft Working with AI) agrees with GPTs-are-GPTs
 * across occupations (Spearman), the task-matching coverage, and hours saved for a dozen jobs.
 *
 *   npm run report:advice
 */
import { readConfig } from '../src/app/config.js';
import { loadReferenceData } from '../src/app/load-reference-data.js';
import { showOccupation } from '../src/app/show-occupation.js';
import { openApp } from '../src/app/upskill-app.js';
import { spearman } from '../src/domain/exposure/index.js';
import { openDatabase } from '../src/store/database.js';

const SHARED = new URL('../../shared/data/', import.meta.url).pathname;
const db = await openDatabase({ kind: 'embedded-memory' });
const app = await openApp({ ...readConfig({}), home: '/nonexistent' }, db);
await loadReferenceData(db, app.config, { from: SHARED, onlyIn: [] });

const rows = await db.query<{ code: string; gpt4: number | null; human: number | null; observed: number }>(`
  select e.code, e.gpt4_beta as gpt4, e.human_beta as human, coalesce(sum(o.pct), 0) as observed
  from occupation_exposure e left join observed_task_use o on o.code = e.code
  where e.gpt4_beta is not null and e.human_beta is not null
  group by e.code, e.gpt4_beta, e.human_beta`);
const bySoc = await db.query<{ soc: string; gpt4: number; human: number; score: number }>(`
  select a.soc, avg(e.gpt4_beta) as gpt4, avg(e.human_beta) as human, a.score
  from occupation_applicability a join occupation_exposure e on left(e.code, 7) = a.soc
  where e.gpt4_beta is not null and e.human_beta is not null group by a.soc, a.score`);
const coverage = await db.query<{ level: string; via: string | null; n: number }>(
  'select level, via, count(*)::int as n from observed_task_use group by level, via order by 1, 2',
);
const round = (value: number): string => value.toFixed(2);

console.log('## Agreement with GPTs-are-GPTs across occupations (Spearman ρ)\n');
console.log('| observed measure | occupations | vs GPT-4 β | vs human β |\n|---|---|---|---|');
console.log(
  `| Anthropic Economic Index: share of conversations on the occupation's tasks | ${rows.length} | ${round(
    spearman(
      rows.map((r) => r.observed),
      rows.map((r) => r.gpt4!),
    ),
  )} | ${round(
    spearman(
      rows.map((r) => r.observed),
      rows.map((r) => r.human!),
    ),
  )} |`,
);
console.log(
  `| Microsoft Working with AI: AI applicability score (SOC) | ${bySoc.length} | ${round(
    spearman(
      bySoc.map((r) => r.score),
      bySoc.map((r) => r.gpt4),
    ),
  )} | ${round(
    spearman(
      bySoc.map((r) => r.score),
      bySoc.map((r) => r.human),
    ),
  )} |`,
);
console.log('\n## Task matching (O*NET 27.0 tasks)\n');
console.log('| level | matched via | tasks |\n|---|---|---|');
for (const row of coverage) console.log(`| ${row.level} | ${row.via ?? '—'} | ${row.n.toLocaleString('en-US')} |`);

const JOBS = [
  '29-1141.03',
  '43-3031.00',
  '53-3032.00',
  '25-2031.00',
  '15-1254.00',
  '13-1161.00',
  '23-2011.00',
  '13-2053.00',
  '41-9022.00',
  '35-1011.00',
  '27-1024.00',
  '43-4051.00',
  '13-2011.00',
  '11-1021.00',
];
console.log('\n## Hours saved a week (of 40) and the observed measures\n');
console.log(
  '| occupation | low–high h | basis | applicability (percentile) | tasks seen in use | exposed ' +
    'tasks | human-only tasks |\n|---|---|---|---|---|---|---|',
);
for (const code of JOBS) {
  const view = await showOccupation(app, code);
  const seen = view.observedUse.coverage.byStatement + view.observedUse.coverage.byTaskId;
  const exposed = view.tasks.filter((t) => (t.human ?? 'E0') !== 'E0' || (t.gpt4 ?? 'E0') !== 'E0').length;
  const humanOnly = view.tasks.filter((t) => t.guidance?.risk === 'human-only').length;
  const applicability = view.observedUse.applicability;
  console.log(
    `| ${[
      `${view.title} (${code})`,
      `${view.hoursSaved.low}–${view.hoursSaved.high}`,
      view.hoursSaved.basis,
      applicability ? `${applicability.score.toFixed(2)} (${applicability.percentile})` : '—',
      `${seen} of ${view.tasks.length}`,
      exposed,
      humanOnly,
    ].join(' | ')} |`,
  );
}
await app.close();
