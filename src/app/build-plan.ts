import { UpskillError } from '../domain/errors.js';
import type { HoursSaved } from '../domain/planning/hours-saved.js';
import { onetStartingLevels } from '../domain/planning/onet-starting-levels.js';
import { occupationFamily } from '../domain/planning/occupation-family.js';
import { listLevelRatings } from '../store/career.repository.js';
import { occupationEvidence } from './occupation-evidence.js';
import type { PlanPreferences } from '../domain/planning/learning-resource.js';
import {
  planPath,
  replan,
  type MilestoneTask,
  type Plan,
  type ProgressRecord,
} from '../domain/planning/path-planner.js';
import { analyzeGaps, skillsById, type GapAnalysis, type SkillLevel } from '../domain/planning/skill-gaps.js';
import { augmentedTarget, roleTarget, type TargetRole } from '../domain/planning/target-roles.js';
import { extractSkills } from '../domain/skills/index.js';
import * as occupations from '../store/occupation.repository.js';
import { resolveOccupation } from './show-occupation.js';
import { demandSample } from './market-report.js';
import { weighGapsByDemand } from '../domain/market/plan-demand.js';
import type { UpskillApp } from './upskill-app.js';

export const MIN_HOURS_PER_WEEK = 1;
export const MAX_HOURS_PER_WEEK = 40;
export const AUGMENT = 'ai-augmented';

export interface PlanInput {
  /** A job title or O*NET-SOC code: where the worker is today. */
  occupation: string;
  /** Skills with levels the worker confirmed (win over the résumé's). */
  skills?: { skillId: string; level: SkillLevel }[];
  resumeText?: string;
  /** "ai-augmented" (stay and use AI) or a target role id. */
  target?: string;
  hoursPerWeek: number;
  startDate?: string;
  preferences?: PlanPreferences;
  progress?: ProgressRecord[];
  /** Re-plan from this week (1-based) when progress is given. */
  fromWeek?: number;
}

/** Where a starting level came from: O*NET's rating of the occupation, the résumé, or the person. */
export type LevelSource = 'onet' | 'résumé' | 'confirmed';

export interface PersonalPlan {
  occupation: { code: string; title: string };
  target: { id: string; name: string; description: string };
  current: { skillId: string; name: string; level: SkillLevel; source: LevelSource; basis?: string }[];
  gaps: GapAnalysis;
  hoursSaved: HoursSaved;
  plan: Plan;
}

/** Today's date (UTC) — the one place the planning flow reads the clock. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function checkHoursPerWeek(hours: number): void {
  if (!Number.isInteger(hours) || hours < MIN_HOURS_PER_WEEK || hours > MAX_HOURS_PER_WEEK) {
    throw new UpskillError(
      'BAD_INPUT',
      `hours per week must be a whole number from ${MIN_HOURS_PER_WEEK} to ${MAX_HOURS_PER_WEEK}, got ${hours}.`,
      {
        hint: 'Most people sustain 3–8 hours a week next to a job.',
      },
    );
  }
}

export function validatePlanInput(input: PlanInput, now: string): { hoursPerWeek: number; startDate: string } {
  checkHoursPerWeek(input.hoursPerWeek);
  const startDate = input.startDate ?? now;
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(startDate) ||
    Number.isNaN(Date.parse(`${startDate}T00:00:00Z`)) ||
    new Date(`${startDate}T00:00:00Z`).toISOString().slice(0, 10) !== startDate
  ) {
    throw new UpskillError('BAD_INPUT', `start date must be a date like 2026-12-01, got "${startDate}".`);
  }
  if (startDate < now)
    throw new UpskillError('BAD_INPUT', `start date ${startDate} is in the past (today is ${now}).`, {
      hint: 'Start today or later; progress on an existing plan is recorded with `upskill progress`.',
    });
  return { hoursPerWeek: input.hoursPerWeek, startDate };
}

/** Levels read from a résumé: a skill claimed in a Skills, experience or projects section is "can use", elsewhere "aware". */
export function levelsFromResume(
  app: UpskillApp,
  text: string,
  extractor: Awaited<ReturnType<UpskillApp['skillExtractor']>>,
): Map<string, SkillLevel> {
  if (text.trim().length === 0)
    throw new UpskillError('DOCUMENT_EMPTY', 'The résumé is empty.', {
      hint: 'Give the résumé file or text, or leave it out and list your skills instead.',
    });
  const graph = skillsById(app.skillGraph());
  const mentions = extractSkills(extractor, text).filter((m) => !m.negated && graph.has(m.skillId));
  const levels = new Map<string, SkillLevel>();
  for (const mention of mentions) {
    const level: SkillLevel = ['skills', 'experience', 'projects'].includes(mention.section) ? 2 : 1;
    levels.set(mention.skillId, Math.max(levels.get(mention.skillId) ?? 0, level) as SkillLevel);
  }
  return levels;
}

/** What a plan needs of an occupation, the same for every worker in it. */
interface OccupationPlanning {
  tasks: occupations.TaskRow[];
  /** "AI-augmented <occupation>": the skills its exposed tasks' work-activity guidance practises. */
  augmented: TargetRole;
  /** Skills whose O*NET technology the occupation marks "hot". */
  hotSkills: ReadonlySet<string>;
  /** Exposed tasks AI may be used on (never a human-only one), with the skills their guidance practises. */
  exposedTasks: MilestoneTask[];
  hoursSaved: HoursSaved;
}

/**
 * Read and derived once per occupation (two queries, a pattern match per task): done per request,
 * this was most of a plan's time, spent waiting on the single-threaded embedded database.
 */
function occupationPlanning(app: UpskillApp, occupation: { code: string; title: string }): Promise<OccupationPlanning> {
  return app.perOccupation('planning', occupation.code, async () => {
    const [tasks, technology] = await Promise.all([
      occupations.listTasks(app.database, occupation.code),
      occupations.listTechnologySkills(app.database, occupation.code),
    ]);
    const evidence = await occupationEvidence(app, occupation.code, tasks);
    const guided = tasks.map((task) => {
      const guidance = evidence.tasks.get(task.taskId)?.guidance;
      return { ...task, activity: guidance?.activity.title, skills: guidance?.skills ?? [], guidance };
    });
    const hot = new Set(technology.filter((t) => t.hot).map((t) => t.example));
    return {
      tasks,
      augmented: augmentedTarget(occupation, guided),
      hotSkills: new Set(
        app
          .skillGraph()
          .skills.filter((s) => s.onet?.examples.some((e) => hot.has(e)))
          .map((s) => s.id),
      ),
      exposedTasks: guided
        .filter((t) => (t.human ?? 'E0') !== 'E0' || (t.gpt4 ?? 'E0') !== 'E0')
        .filter((t) => t.guidance && t.guidance.risk !== 'human-only')
        .map((t) => ({
          statement: t.statement,
          skills: t.skills,
          risk: t.guidance!.risk,
          ...(t.guidance!.neverPaste ? { neverPaste: t.guidance!.neverPaste } : {}),
          staysHuman: t.guidance!.staysHuman,
        })),
      hoursSaved: evidence.hoursSaved,
    };
  });
}

export async function resolveTarget(
  app: UpskillApp,
  targetId: string,
  occupation: { code: string; title: string },
): Promise<TargetRole> {
  if (targetId === AUGMENT) return (await occupationPlanning(app, occupation)).augmented;
  const role = app.planningContent().roles.find((r) => r.id === targetId);
  if (!role) {
    throw new UpskillError('NOT_FOUND', `There is no target role "${targetId}".`, {
      hint: `Choose ${AUGMENT} (stay in your job and use AI) or one of: ${app
        .planningContent()
        .roles.map((r) => r.id)
        .join(', ')}.`,
    });
  }
  return roleTarget(role);
}

/**
 * Where the worker starts: the human and core skills O*NET rates their occupation at, raised by what
 * the résumé shows, overridden by the levels they confirmed.
 */
export async function startingLevels(
  app: UpskillApp,
  input: Pick<PlanInput, 'resumeText' | 'skills'> & { occupationCode: string },
): Promise<{ current: Map<string, SkillLevel>; source: Map<string, LevelSource>; basis: Map<string, string> }> {
  const current = new Map<string, SkillLevel>();
  const source = new Map<string, LevelSource>();
  const basis = new Map<string, string>();
  // The same for everyone in the occupation: read and mapped once per code.
  const onetLevels = await app.perOccupation('onet-levels', input.occupationCode, async () => [
    ...onetStartingLevels(await listLevelRatings(app.database, input.occupationCode)),
  ]);
  for (const [skillId, start] of onetLevels) {
    if (start.level === 0) continue;
    current.set(skillId, start.level);
    source.set(skillId, 'onet');
    basis.set(
      skillId,
      `O*NET rates this occupation's ${start.basis.map((b) => `${b.element} at ${b.lv.toFixed(1)}`).join(', ')} (of 7)`,
    );
  }
  if (input.resumeText !== undefined) {
    for (const [skillId, level] of levelsFromResume(app, input.resumeText, await app.skillExtractor())) {
      if ((current.get(skillId) ?? 0) >= level) continue;
      current.set(skillId, level);
      source.set(skillId, 'résumé');
      basis.delete(skillId);
    }
  }
  const known = skillsById(app.skillGraph());
  for (const { skillId, level } of input.skills ?? []) {
    if (!known.has(skillId))
      throw new UpskillError('BAD_INPUT', `Unknown skill "${skillId}".`, {
        hint: 'List the skills with `upskill skills list`.',
      });
    if (!Number.isInteger(level) || level < 0 || level > 4)
      throw new UpskillError('BAD_INPUT', `A level is 0 (none) to 4 (can lead), got ${level} for ${skillId}.`);
    current.set(skillId, level);
    source.set(skillId, 'confirmed');
    basis.delete(skillId);
  }
  return { current, source, basis };
}

/**
 * Gap weights and reasons from the loaded job postings: those for the worker's occupation when the
 * target is their own job with AI, else those for the target role's related occupations.
 */
async function withDemand(
  app: UpskillApp,
  analysis: GapAnalysis,
  target: TargetRole,
  occupation: { code: string; title: string },
): Promise<GapAnalysis> {
  const own = target.id.startsWith(`${AUGMENT}:`) || target.relatedOccupations.length === 0;
  const codes = own ? [occupation.code] : target.relatedOccupations;
  const scope = own ? occupation.title : `occupations related to ${target.name}`;
  const sample = await demandSample(
    app,
    codes,
    scope,
    analysis.gaps.map((gap) => gap.skillId),
  );
  return weighGapsByDemand(analysis, sample);
}

/** From who the worker is today to a dated plan: occupation, current skills, target, gaps, path. */
export async function buildPersonalPlan(
  app: UpskillApp,
  input: PlanInput,
  now: string = today(),
): Promise<PersonalPlan> {
  const { hoursPerWeek, startDate } = validatePlanInput(input, input.progress?.length ? (input.startDate ?? now) : now);
  const occupation = await resolveOccupation(app, input.occupation);
  const planning = await occupationPlanning(app, occupation);
  const target = await resolveTarget(app, input.target ?? AUGMENT, occupation);

  const { current, source, basis } = await startingLevels(app, { ...input, occupationCode: occupation.code });

  const graph = app.skillGraph();
  const gaps = await withDemand(app, analyzeGaps(graph, target, current, planning.hotSkills), target, occupation);
  const request = {
    graph,
    gaps: gaps.gaps,
    current,
    resources: app.planningContent().resources,
    hoursPerWeek,
    startDate,
    preferences: input.preferences ?? { freeOnly: false },
    tasks: planning.exposedTasks,
    family: occupationFamily(occupation.code),
  };
  let plan = planPath(request);
  if (input.progress?.length) plan = replan(plan, request, input.progress, input.fromWeek ?? 1);
  const skills = skillsById(graph);
  return {
    occupation: { code: occupation.code, title: occupation.title },
    target: { id: target.id, name: target.name, description: target.description },
    current: [...current].map(([skillId, level]) => ({
      skillId,
      name: skills.get(skillId)!.name,
      level,
      source: source.get(skillId)!,
      ...(basis.has(skillId) ? { basis: basis.get(skillId)! } : {}),
    })),
    gaps,
    hoursSaved: planning.hoursSaved,
    plan,
  };
}
