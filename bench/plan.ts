/**
 * Planning benchmark: p50/p99 time to build one plan (gap analysis + path planning), and plans per
 * second for 10,000 generated profiles on one core. Peer: the prerequisite closure of the same
 * gaps computed by PostgreSQL (PGlite) with a recursive CTE — the part a database could do.
 *
 *   npm run bench:plan [-- --profiles 10000]
 */
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { planPath } from '../src/domain/planning/path-planner.js';
import { analyzeGaps, type SkillLevel } from '../src/domain/planning/skill-gaps.js';
import { augmentedTarget, roleTarget, type TargetRole } from '../src/domain/planning/target-roles.js';
import { buildTaskGuidanceIndex, describeActivities } from '../src/domain/guidance/index.js';
import { readActivityGuidance } from '../src/sources/guidance-reader.js';
import { readGptsRelease } from '../src/sources/gpts-release.js';
import { readOnetCore, readOnetDetails } from '../src/sources/onet-release.js';
import { readResources } from '../src/sources/planning-content-reader.js';
import { readSkillGraph } from '../src/sources/skills-graph-reader.js';
import { readTargetRoles } from '../src/sources/target-roles-reader.js';
import { seededRandom } from './held-out-titles.js';

const { values } = parseArgs({
  options: {
    profiles: { type: 'string', default: '10000' },
    data: { type: 'string', default: new URL('../../shared/data/', import.meta.url).pathname },
  },
});
const count = Number(values.profiles);
const graph = readSkillGraph();
const resources = readResources();
const [core, details, gpts] = await Promise.all([
  readOnetCore(`${values.data}onet-27.0`),
  readOnetDetails(`${values.data}onet-27.0`),
  readGptsRelease(`${values.data}gpts-are-gpts`),
]);
const guidance = buildTaskGuidanceIndex(readActivityGuidance(), describeActivities(details.iwas, details.dwas));
const iwaOfDwa = new Map(details.dwas.map((d) => [d.dwaId, d.iwaId]));
const iwasOfTask = new Map<number, string[]>();
for (const link of details.taskDwas)
  iwasOfTask.set(link.taskId, [...(iwasOfTask.get(link.taskId) ?? []), iwaOfDwa.get(link.dwaId)!]);
const labels = new Map(gpts.taskLabels.map((l) => [l.taskId, l]));
const tasksByCode = new Map<
  string,
  {
    statement: string;
    taskType: 'Core' | 'Supplemental' | null;
    importance: null;
    human: 'E0' | 'E1' | 'E2' | null;
    gpt4: 'E0' | 'E1' | 'E2' | null;
    activity: string | undefined;
    skills: readonly string[];
    risk: 'assist' | 'caution' | 'human-only';
  }[]
>();
for (const task of core.tasks) {
  const list = tasksByCode.get(task.code) ?? [];
  const found = guidance.guidanceFor({ statement: task.statement, iwas: iwasOfTask.get(task.taskId) ?? [] })?.guidance;
  list.push({
    activity: found?.title,
    skills: found?.skills ?? [],
    risk: found?.risk ?? 'assist',
    statement: task.statement,
    taskType: task.taskType,
    importance: null,
    human: labels.get(task.taskId)?.human ?? null,
    gpt4: labels.get(task.taskId)?.gpt4 ?? null,
  });
  tasksByCode.set(task.code, list);
}
const occupations = core.occupations.filter((o) => tasksByCode.has(o.code));
const roles = readTargetRoles().map(roleTarget);

// Generated profiles: an occupation, a target (its AI-augmented self or a role), 0–8 known skills, 2–10 h a week.
const random = seededRandom(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const targets = new Map<string, TargetRole>();
const profiles = Array.from({ length: count }, () => {
  const occupation = pick(occupations);
  const target =
    random() < 0.5
      ? (targets.get(occupation.code) ??
        targets
          .set(occupation.code, augmentedTarget(occupation, tasksByCode.get(occupation.code)!))
          .get(occupation.code)!)
      : pick(roles);
  const current = new Map<string, SkillLevel>(
    Array.from({ length: Math.floor(random() * 9) }, () => [
      pick(graph.skills).id,
      (1 + Math.floor(random() * 3)) as SkillLevel,
    ]),
  );
  return {
    target,
    current,
    hoursPerWeek: 2 + Math.floor(random() * 9),
    tasks: tasksByCode.get(occupation.code)!.filter((t) => t.risk !== 'human-only'),
  };
});

const build = (p: (typeof profiles)[number]) => {
  const gaps = analyzeGaps(graph, p.target, p.current);
  return planPath({
    graph,
    gaps: gaps.gaps,
    current: p.current,
    resources,
    hoursPerWeek: p.hoursPerWeek,
    startDate: '2026-12-07',
    preferences: { freeOnly: false },
    tasks: p.tasks,
  });
};
for (const p of profiles.slice(0, 200)) build(p);
const latencies: number[] = [];
const started = performance.now();
let steps = 0;
for (const p of profiles) {
  const t = performance.now();
  steps += build(p).steps.length;
  latencies.push(performance.now() - t);
}
const seconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;

// Peer: the prerequisite closure of each profile's gap skills, by a recursive CTE in PGlite.
const db = await PGlite.create();
await db.exec('create table prerequisites (skill text, prerequisite text)');
await db.query('insert into prerequisites select * from unnest($1::text[], $2::text[])', [
  graph.skills.flatMap((s) => s.prerequisites.map(() => s.id)),
  graph.skills.flatMap((s) => s.prerequisites),
]);
const peerProfiles = profiles.slice(0, Math.min(1000, count));
const peerStarted = performance.now();
for (const p of peerProfiles) {
  const gapIds = p.target.skills.filter((s) => (p.current.get(s.skillId) ?? 0) < s.level).map((s) => s.skillId);
  await db.query(
    'with recursive needed(skill) as (select unnest($1::text[]) union select r.prerequisite from ' +
      'prerequisites r join needed n on r.skill = n.skill) select skill from needed',
    [gapIds],
  );
}
const peerPerSecond = peerProfiles.length / ((performance.now() - peerStarted) / 1000);
await db.close();

const perSecond = count / seconds;
console.log(
  `${count.toLocaleString('en-US')} generated profiles (half AI-augmented targets, half roles), ` +
    `${(steps / count).toFixed(1)} steps a plan on average\n`,
);
console.log('| what | p50 ms | p99 ms | per second (1 core) | vs Upskill |');
console.log('|---|---|---|---|---|');
console.log(
  `| Upskill: gap analysis + full dated plan | ${at(0.5).toFixed(3)} | ${at(0.99).toFixed(3)} ` +
    `| ${Math.round(perSecond).toLocaleString('en-US')} | 1.00× |`,
);
console.log(
  `| PostgreSQL (PGlite) recursive CTE: prerequisite closure only, ${peerProfiles.length} profiles ` +
    `| – | – | ${Math.round(peerPerSecond).toLocaleString('en-US')} | ${(peerPerSecond / perSecond).toFixed(2)}× ` +
    `|`,
);
