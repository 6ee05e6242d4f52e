import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { UpskillError } from '../domain/errors.js';
import { planToICalendar, planToMarkdown } from '../domain/planning/plan-export.js';
import type { Plan } from '../domain/planning/path-planner.js';
import { openDatabase } from '../store/database.js';
import { SHARED_DATA } from '../../test/support/databases.js';
import { buildPersonalPlan, type PlanInput } from './build-plan.js';
import { readConfig } from './config.js';
import { loadReferenceData } from './load-reference-data.js';
import { openApp, type UpskillApp } from './upskill-app.js';

const TODAY = '2026-11-22';
const RESUME = `Jane Doe — Marketing Specialist

Skills
ChatGPT, Excel, Google Analytics, copywriting, SEO

Experience
Wrote campaign copy and ran A/B testing on subject lines. Built dashboards in Tableau.
No experience with Python.`;

let app: UpskillApp;
before(async () => {
  const db = await openDatabase({ kind: 'embedded-memory' });
  app = await openApp({ ...readConfig({}), home: '/nonexistent' }, db);
  await loadReferenceData(db, app.config, { from: SHARED_DATA, onlyIn: [] });
});
after(() => app.close());

const base: PlanInput = { occupation: '13-1161.00', resumeText: RESUME, hoursPerWeek: 5, startDate: '2026-12-07' };

function assertSound(plan: Plan, hoursPerWeek: number): void {
  const graph = app.skillGraph();
  const position = new Map(plan.steps.map((s, i) => [s.id, i]));
  const bySkill = new Map(graph.skills.map((s) => [s.id, s]));
  plan.steps.forEach((step, i) => {
    for (const prerequisite of bySkill.get(step.skillId)!.prerequisites) {
      for (const other of plan.steps.filter((s) => s.skillId === prerequisite))
        assert.ok(position.get(other.id)! < i, `${other.id} must come before ${step.id}`);
    }
    assert.ok(step.resource.url.startsWith('https://') || step.resource.url.startsWith('http://'), step.id);
  });
  for (const week of plan.weeks) assert.ok(week.hours <= hoursPerWeek + 1e-9, `week ${week.week} has ${week.hours} h`);
  const scheduled = new Map<string, number>();
  for (const week of plan.weeks)
    for (const item of week.items) scheduled.set(item.stepId, (scheduled.get(item.stepId) ?? 0) + item.hours);
  for (const step of plan.steps)
    assert.ok(
      Math.abs((scheduled.get(step.id) ?? 0) - step.hours) < 0.05,
      `${step.id} scheduled ${scheduled.get(step.id)} of ${step.hours} h`,
    );
}

describe('a personal plan for a marketing specialist', () => {
  test('aiming at "AI-augmented": gaps from the occupation\'s exposed tasks, sound and dated', async () => {
    const result = await buildPersonalPlan(app, base, TODAY);
    assert.equal(result.occupation.code, '13-1161.00');
    assert.equal(result.target.id, 'ai-augmented:13-1161.00');
    assert.ok(result.current.some((c) => c.skillId === 'chatgpt' && c.level === 2 && c.source === 'résumé'));
    assert.ok(
      !result.current.some((c) => c.skillId === 'python' && c.source === 'résumé'),
      'a negated skill is not claimed',
    );
    const critical = result.current.find((c) => c.skillId === 'critical-thinking');
    assert.equal(critical?.source, 'onet', 'human skills start where O*NET rates the occupation');
    assert.match(critical!.basis!, /^O\*NET rates this occupation's Critical Thinking at \d\.\d \(of 7\)$/);
    assert.ok(result.gaps.gaps.length > 0 && result.gaps.gaps[0]!.reasons.length > 0);
    assert.ok(result.hoursSaved.hoursPerWeek > 0 && result.hoursSaved.assumptions.length === 4);
    assert.equal(result.plan.startDate, '2026-12-07');
    assert.equal(result.plan.weeks[0]!.start, '2026-12-07');
    assert.equal(result.plan.weeks[0]!.end, '2026-12-13');
    assert.ok(
      result.plan.milestones.length > 0 && result.plan.milestones.every((m) => m.project.startsWith('Hands-on')),
    );
    assertSound(result.plan, 5);
  });

  test('aiming at "AI content creator": prerequisites first, budget kept, every step has a resource', async () => {
    const result = await buildPersonalPlan(
      app,
      { ...base, target: 'ai-content-creator', preferences: { freeOnly: true } },
      TODAY,
    );
    assert.equal(result.target.name, 'AI content creator');
    assertSound(result.plan, 5);
    const first = result.plan.steps[0]!;
    assert.deepEqual(
      app
        .skillGraph()
        .skills.find((s) => s.id === first.skillId)!
        .prerequisites.filter((p) => !result.current.some((c) => c.skillId === p && c.level >= 2)),
      [],
    );
    assert.ok(
      result.plan.steps.filter((s) => !s.preferenceRelaxed).every((s) => s.resource.cost === 0),
      'free only is honoured where possible',
    );
  });

  test('progress re-plans the rest without moving what is done', async () => {
    const original = (await buildPersonalPlan(app, base, TODAY)).plan;
    const [a, b, c] = original.steps;
    const progress = [
      { stepId: a!.id, status: 'done' as const },
      { stepId: b!.id, status: 'took-longer' as const, hours: b!.hours * 2 },
      { stepId: c!.id, status: 'skipped' as const },
    ];
    const replanned = (await buildPersonalPlan(app, { ...base, progress, fromWeek: 3 }, TODAY)).plan;
    const weeksOf = (plan: Plan, id: string): number[] =>
      plan.weeks.filter((w) => w.items.some((i) => i.stepId === id)).map((w) => w.week);
    assert.deepEqual(weeksOf(replanned, a!.id), weeksOf(original, a!.id));
    const planned = weeksOf(original, b!.id);
    const booked = weeksOf(replanned, b!.id);
    assert.deepEqual(booked.slice(0, planned.length), planned, 'the step that took longer keeps its planned weeks');
    assert.equal(
      replanned.weeks
        .flatMap((w) => w.items)
        .filter((i) => i.stepId === b!.id)
        .reduce((sum, i) => sum + i.hours, 0),
      b!.hours * 2,
      'and books every hour it took',
    );
    assert.ok(!replanned.steps.some((s) => s.id === c!.id), 'a skipped step leaves the plan');
    const done = new Set([a!.id, b!.id]);
    for (const week of replanned.weeks.filter((w) => w.week < 3))
      assert.ok(
        week.items.every((i) => done.has(i.stepId)),
        `week ${week.week} only keeps done work`,
      );
    for (const week of replanned.weeks) assert.ok(week.hours <= 5 + 1e-9, `week ${week.week} over budget`);
    const onTime = (
      await buildPersonalPlan(
        app,
        {
          ...base,
          progress: progress.map((p) => (p.stepId === b!.id ? { stepId: p.stepId, status: 'done' as const } : p)),
          fromWeek: 3,
        },
        TODAY,
      )
    ).plan;
    assert.ok(
      replanned.endDate > onTime.endDate,
      `the extra ${b!.hours} h push the rest later: ${onTime.endDate} → ${replanned.endDate}`,
    );
  });

  test('Markdown reads well and the iCalendar file parses', async () => {
    const { plan, target } = await buildPersonalPlan(app, base, TODAY);
    const markdown = planToMarkdown(plan, `Plan: ${target.name}`);
    assert.match(markdown, /^# Plan: AI-augmented Market Research Analysts and Marketing Specialists\n/);
    assert.match(markdown, /## Week 1 \(2026-12-07 – 2026-12-13\) · 5 h/);
    // Levels by name, as on the web page: never "level 1".
    const stepLines = markdown.split('\n').filter((line) => line.startsWith('- [ ] '));
    assert.deepEqual(stepLines.slice(0, 2), [
      '- [ ] **AI literacy → aware** (2 h): Explains in plain words what a large language model is and does.',
      '- [ ] **AI literacy → can use** (3 h): Chooses sensible everyday tasks for AI and avoids unsuitable ones.',
    ]);
    assert.match(
      markdown,
      /\*\*AI literacy → aware\*\* \(2 h\): .+\n {2}Resource: \[.+\]\(https:\/\/.+\) — .+, .+, (free|\$\d+)\n/,
    );
    for (const line of stepLines)
      assert.match(line, /^- \[ \] \*\*.+ → (aware|can use|can build|can lead)\*\* \([\d.]+ h\): /);
    assert.doesNotMatch(markdown, /level \d/);
    const calendar = new ICAL.Component(ICAL.parse(planToICalendar(plan, target.name, 'p1', '20261122T120000Z')));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    assert.equal(events.length, plan.weeks.filter((w) => w.items.length > 0).length + plan.milestones.length);
    assert.equal(events[0]!.startDate.toString(), '2026-12-07');
    assert.equal(events[0]!.endDate.toString(), '2026-12-14');
    assert.match(events[0]!.summary, /^Upskill week 1: /);
    assert.match(events[0]!.description, /^AI literacy → aware \(2 h\): .+\nAI literacy → can use \(3 h\): /);
  });

  test('bad input gets a clear error', async () => {
    const rejects = (input: Partial<PlanInput>, code: string, pattern: RegExp): Promise<void> =>
      assert.rejects(
        buildPersonalPlan(app, { ...base, ...input }, TODAY),
        (e: unknown) => e instanceof UpskillError && e.code === code && pattern.test(e.message),
      );
    await rejects({ target: 'astronaut' }, 'NOT_FOUND', /no target role "astronaut"/);
    await rejects({ hoursPerWeek: 0 }, 'BAD_INPUT', /from 1 to 40, got 0/);
    await rejects({ hoursPerWeek: 200 }, 'BAD_INPUT', /from 1 to 40, got 200/);
    await rejects({ startDate: '2020-01-06' }, 'BAD_INPUT', /2020-01-06 is in the past/);
    await rejects({ startDate: '2026-02-30' }, 'BAD_INPUT', /must be a date/);
    await rejects({ resumeText: '   ' }, 'DOCUMENT_EMPTY', /résumé is empty/);
    await rejects({ occupation: 'qwxz zzkq' }, 'NO_MATCH', /No occupation matches/);
  });
});
