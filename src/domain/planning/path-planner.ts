import type { SkillGraph } from '../skills/index.js';
import {
  chooseResource,
  type LearningResource,
  type PlanPreferences,
  type ResourceChoices,
} from './learning-resource.js';
import { hoursToLevel, skillsById, type SkillGap, type SkillLevel } from './skill-gaps.js';

/** One level of one skill to learn: the unit a worker ticks off. */
export interface PlanStep {
  /** Stable across re-plans: "prompt-engineering@3". */
  id: string;
  skillId: string;
  name: string;
  level: SkillLevel;
  /** What the worker can do once the step is done (the graph's level descriptor). */
  outcome: string;
  hours: number;
  resource: Pick<LearningResource, 'id' | 'title' | 'provider' | 'url' | 'cost' | 'format'>;
  /** The resource breaks a preference (free only, formats) because nothing else covers the skill. */
  preferenceRelaxed: boolean;
  reasons: string[];
}

export interface PlanWeek {
  week: number;
  start: string;
  end: string;
  items: { stepId: string; hours: number }[];
  hours: number;
}

export interface Milestone {
  week: number;
  date: string;
  skillId: string;
  title: string;
  project: string;
}

export interface Plan {
  startDate: string;
  endDate: string;
  hoursPerWeek: number;
  totalHours: number;
  steps: PlanStep[];
  weeks: PlanWeek[];
  milestones: Milestone[];
}

export type ProgressStatus = 'done' | 'skipped' | 'took-longer';

export interface ProgressRecord {
  stepId: string;
  status: ProgressStatus;
  /** Hours actually spent ("took longer"); defaults to the planned hours. */
  hours?: number | undefined;
}

/** A task of the worker's own that a milestone may practise a skill on. */
export interface MilestoneTask {
  statement: string;
  /** Skills its work activity's guidance practises: a milestone uses a task only for one of these. */
  skills: readonly string[];
  risk: 'assist' | 'caution' | 'human-only';
  /** For a `caution` task: what must never be pasted into an AI tool. */
  neverPaste?: string;
  /** What stays with the person on this task, whatever AI does. */
  staysHuman?: string;
}

export interface PlanRequest {
  graph: SkillGraph;
  gaps: readonly SkillGap[];
  current: ReadonlyMap<string, SkillLevel>;
  resources: readonly LearningResource[];
  hoursPerWeek: number;
  /** ISO date (YYYY-MM-DD) of the first day of week 1. */
  startDate: string;
  preferences: PlanPreferences;
  /** Tasks of the worker's occupation AI may be used on, to anchor milestone projects in real work. */
  tasks?: readonly MilestoneTask[];
  /** The worker's occupation family (see occupation-family.ts): resources written for it come first. */
  family?: string;
}

/** Below this, a prerequisite is learnt to "can use" before the skill that needs it. */
const PREREQUISITE_LEVEL: SkillLevel = 2;

const DAY_MS = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return dayAfter(Date.parse(`${isoDate}T00:00:00Z`), days);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * The ISO date `days` after a UTC midnight. A plan dates two ends of every week, and a Date with
 * toISOString() per date was most of the planner's time, so the civil date is computed from the day
 * number (H. Hinnant's days-to-civil); years outside 0–9999 keep the ISO form Date gives them.
 */
function dayAfter(startMs: number, days: number): string {
  const day = Math.floor(startMs / DAY_MS) + days;
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (Number.isNaN(day) || year < 0 || year > 9999) return new Date(day * DAY_MS).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1)}`;
}

interface Need {
  skillId: string;
  level: SkillLevel;
  weight: number;
  reasons: string[];
  isTarget: boolean;
}

/** The gaps plus every prerequisite the worker lacks, each needed skill once at its highest level. */
function expandPrerequisites(
  graph: SkillGraph,
  gaps: readonly SkillGap[],
  current: ReadonlyMap<string, SkillLevel>,
): Map<string, Need> {
  const byId = skillsById(graph);
  const needs = new Map<string, Need>();
  const add = (skillId: string, level: SkillLevel, weight: number, reason: string, isTarget: boolean): void => {
    const have = current.get(skillId) ?? 0;
    if (have >= level) return;
    const need = needs.get(skillId);
    if (need) {
      need.level = Math.max(need.level, level) as SkillLevel;
      need.weight = Math.max(need.weight, weight);
      if (!need.reasons.includes(reason)) need.reasons.push(reason);
      need.isTarget ||= isTarget;
    } else needs.set(skillId, { skillId, level, weight, reasons: [reason], isTarget });
    for (const prerequisite of byId.get(skillId)?.prerequisites ?? []) {
      add(prerequisite, PREREQUISITE_LEVEL, weight, `needed before ${byId.get(skillId)!.name}`, false);
    }
  };
  for (const gap of gaps)
    for (const reason of gap.reasons.length > 0 ? gap.reasons : ['part of the target'])
      add(gap.skillId, gap.requiredLevel, gap.weight, reason, true);
  return needs;
}

/** Orders needs so every prerequisite comes first, otherwise heaviest first. */
function orderNeeds(graph: SkillGraph, needs: Map<string, Need>): Need[] {
  const byId = skillsById(graph);
  const ordered: Need[] = [];
  const placed = new Set<string>();
  const pending = [...needs.values()].sort((a, b) => b.weight - a.weight || a.skillId.localeCompare(b.skillId));
  while (pending.length > 0) {
    const index = pending.findIndex((need) =>
      (byId.get(need.skillId)?.prerequisites ?? []).every((p) => !needs.has(p) || placed.has(p)),
    );
    const [next] = pending.splice(index === -1 ? 0 : index, 1);
    ordered.push(next!);
    placed.add(next!.skillId);
  }
  return ordered;
}

/**
 * The project of a milestone: the skill applied to one of the worker's own tasks whose guidance
 * practises it — never a human-only task, and with what must not be pasted on a caution task — or,
 * when no task of theirs fits, to a piece of their own work.
 */
function projectFor(
  outcome: string,
  skill: { id: string; name: string },
  tasks: readonly MilestoneTask[],
  used: Set<string>,
): string {
  const fitting = tasks.filter((task) => task.risk !== 'human-only' && task.skills.includes(skill.id));
  const task = fitting.find((candidate) => !used.has(candidate.statement)) ?? fitting[0];
  const goal = outcome.toLowerCase().replace(/\.$/, '');
  if (!task) return `Hands-on: apply ${skill.name} to a piece of your own work until you can say: ${goal}.`;
  used.add(task.statement);
  const caution = task.risk === 'caution' && task.neverPaste ? ` Careful: ${task.neverPaste}` : '';
  const human = task.staysHuman ? ` Stays with you (${task.risk}): ${task.staysHuman}` : '';
  return (
    `Hands-on: use ${skill.name} on a real task of yours — "${task.statement.replace(/\.$/, '')}" ` +
    `— until you can say: ${goal}.${caution}${human}`
  );
}

/** Turns gaps into dated weeks: prerequisites first, each level a step with a resource, a project at each milestone. */
export function planPath(request: PlanRequest): Plan {
  const byId = skillsById(request.graph);
  const steps: PlanStep[] = [];
  const targetLastStep = new Map<string, string>();
  const choices: ResourceChoices = {
    family: request.family,
    used: new Map(),
    related: (a, b) => {
      const [x, y] = [byId.get(a), byId.get(b)];
      return !!x && !!y && (x.category === y.category || x.prerequisites.includes(b) || y.prerequisites.includes(a));
    },
  };
  for (const need of orderNeeds(request.graph, expandPrerequisites(request.graph, request.gaps, request.current))) {
    const skill = byId.get(need.skillId);
    if (!skill) continue;
    for (let level = (request.current.get(need.skillId) ?? 0) + 1; level <= need.level; level++) {
      const chosen = chooseResource(request.resources, need.skillId, level, request.preferences, choices);
      if (!chosen) continue;
      const { id, title, provider, url, cost, format } = chosen.resource;
      steps.push({
        id: `${need.skillId}@${level}`,
        skillId: need.skillId,
        name: skill.name,
        level: level as SkillLevel,
        outcome: skill.levels[level - 1]!,
        hours:
          hoursToLevel(request.graph, need.skillId, level as SkillLevel) -
          hoursToLevel(request.graph, need.skillId, (level - 1) as SkillLevel),
        resource: { id, title, provider, url, cost, format },
        preferenceRelaxed: chosen.relaxed,
        reasons: need.reasons,
      });
    }
    if (need.isTarget && steps.at(-1)?.skillId === need.skillId) targetLastStep.set(steps.at(-1)!.id, need.skillId);
  }
  return schedule(request, steps, targetLastStep, [], 0);
}

/**
 * Re-plans after progress: done steps stay in the weeks they were planned in; skipped steps go;
 * the rest are scheduled again from `fromWeek` (1-based), around the hours done steps occupy.
 */
export function replan(plan: Plan, request: PlanRequest, progress: readonly ProgressRecord[], fromWeek: number): Plan {
  const status = new Map(progress.map((record) => [record.stepId, record]));
  const kept: PlanWeek[] = [];
  for (const week of plan.weeks) {
    const items = week.items.filter((item) => ['done', 'took-longer'].includes(status.get(item.stepId)?.status ?? ''));
    kept.push({ ...week, items, hours: items.reduce((sum, item) => sum + item.hours, 0) });
  }
  // A step that took longer keeps its planned weeks and its extra hours follow straight after them,
  // so everything not done yet moves later by that much: the plan re-flows.
  for (const record of progress) {
    const step = plan.steps.find((s) => s.id === record.stepId);
    const extra = record.status === 'took-longer' && record.hours && step ? record.hours - step.hours : 0;
    if (extra > 1e-9)
      fill(
        kept,
        request,
        record.stepId,
        extra,
        kept.findLastIndex((w) => w.items.some((i) => i.stepId === record.stepId)) + 1,
      );
  }
  const finished = new Set(progress.filter((p) => p.status !== 'skipped').map((p) => p.stepId));
  const skipped = new Set(progress.filter((p) => p.status === 'skipped').map((p) => p.stepId));
  const remaining = plan.steps.filter((s) => !finished.has(s.id) && !skipped.has(s.id));
  const targetLastStep = new Map(
    plan.milestones.map((m) => [plan.steps.filter((s) => s.skillId === m.skillId).at(-1)!.id, m.skillId]),
  );
  const rescheduled = schedule(request, remaining, targetLastStep, kept, fromWeek - 1);
  const doneSteps = plan.steps.filter((s) => finished.has(s.id));
  const steps = [...doneSteps, ...rescheduled.steps];
  return {
    ...rescheduled,
    steps,
    totalHours: Math.round(steps.reduce((sum, s) => sum + s.hours, 0) * 100) / 100,
    milestones: [
      ...plan.milestones.filter((m) => m.week < fromWeek),
      ...rescheduled.milestones.filter((m) => m.week >= fromWeek),
    ],
  };
}

function weekAt(weeks: PlanWeek[], index: number, startDate: string): PlanWeek {
  if (weeks.length <= index) {
    const startMs = Date.parse(`${startDate}T00:00:00Z`);
    while (weeks.length <= index) {
      const number = weeks.length + 1;
      const first = 7 * (number - 1);
      weeks.push({
        week: number,
        start: dayAfter(startMs, first),
        end: dayAfter(startMs, first + 6),
        items: [],
        hours: 0,
      });
    }
  }
  return weeks[index]!;
}

/** Books `hours` of a step into the free hours of the weeks from `index` on; returns the week index it ends in. */
function fill(weeks: PlanWeek[], request: PlanRequest, stepId: string, hours: number, index: number): number {
  let left = hours;
  while (left > 1e-9) {
    const week = weekAt(weeks, index, request.startDate);
    const free = request.hoursPerWeek - week.hours;
    if (free <= 1e-9) {
      index++;
      continue;
    }
    const booked = Math.min(free, left);
    week.items.push({ stepId, hours: Math.round(booked * 100) / 100 });
    week.hours += booked;
    left -= booked;
  }
  return index;
}

function schedule(
  request: PlanRequest,
  steps: readonly PlanStep[],
  targetLastStep: ReadonlyMap<string, string>,
  keptWeeks: readonly PlanWeek[],
  firstWeekIndex: number,
): Plan {
  const weeks: PlanWeek[] = keptWeeks.map((w) => ({ ...w, items: [...w.items] }));
  const byId = skillsById(request.graph);
  const milestones: Milestone[] = [];
  const usedTasks = new Set<string>();
  let index = firstWeekIndex;
  for (const step of steps) {
    index = fill(weeks, request, step.id, step.hours, index);
    const skillId = targetLastStep.get(step.id);
    if (skillId) {
      const week = weekAt(weeks, index, request.startDate);
      milestones.push({
        week: week.week,
        date: week.end,
        skillId,
        title: `${byId.get(skillId)!.name}: ${step.outcome.replace(/\.$/, '').toLowerCase()}`,
        project: projectFor(step.outcome, byId.get(skillId)!, request.tasks ?? [], usedTasks),
      });
    }
  }
  for (const week of weeks) week.hours = Math.round(week.hours * 100) / 100;
  const last = weeks.at(-1);
  return {
    startDate: request.startDate,
    endDate: last ? last.end : request.startDate,
    hoursPerWeek: request.hoursPerWeek,
    totalHours: Math.round(steps.reduce((sum, s) => sum + s.hours, 0) * 100) / 100,
    steps: [...steps],
    weeks,
    milestones,
  };
}
