import type { CoachResource, CoachSources, CoachStep, CoachTask } from '../domain/coach/index.js';
import { nameFromResume } from '../domain/coach/index.js';
import { levelName } from '../domain/planning/skill-levels.js';
import { occupationFamily } from '../domain/planning/occupation-family.js';
import { buildPersonalPlan, type PersonalPlan } from './build-plan.js';
import { getProfile, profilePlan, type ProfilePlan } from './profiles.js';
import { showOccupation, type OccupationView } from './show-occupation.js';
import type { UpskillApp } from './upskill-app.js';

/** Whom the coach is answering: a saved profile, or anyone in an occupation (a job title or code). */
export type CoachSubject = { profileId: string } | { occupation: string };

/** Hours a week assumed for a plan made from a job title alone (the planner's own default in the CLI). */
export const DEFAULT_HOURS_PER_WEEK = 5;

function coachTasks(view: OccupationView): CoachTask[] {
  return view.tasks.flatMap((task): CoachTask[] => {
    const guidance = task.guidance;
    if (!guidance) return [];
    return [
      {
        taskId: task.taskId,
        statement: task.statement,
        exposed: (task.human ?? 'E0') !== 'E0' || (task.gpt4 ?? 'E0') !== 'E0',
        observed: task.observed.level,
        risk: guidance.risk,
        activity: guidance.activity.title,
        aiCan: guidance.aiCan,
        recipe: guidance.recipe,
        tools: guidance.tools.map((tool) => `${tool.category} (${tool.examples.join(', ')})`),
        check: guidance.check,
        staysHuman: guidance.staysHuman,
        neverPaste: guidance.neverPaste,
        humanOnlyBecause: guidance.humanOnlyBecause,
      },
    ];
  });
}

function coachSteps(plan: PersonalPlan, progress: ProfilePlan['progress']): CoachStep[] {
  const firstWeek = new Map<string, number>();
  for (const week of plan.plan.weeks)
    for (const item of week.items) if (!firstWeek.has(item.stepId)) firstWeek.set(item.stepId, week.week);
  const status = new Map(progress.map((record) => [record.stepId, record.status]));
  return plan.plan.steps.map((step) => ({
    id: step.id,
    name: step.name,
    level: levelName(step.level),
    outcome: step.outcome,
    hours: step.hours,
    week: firstWeek.get(step.id) ?? null,
    status: status.get(step.id) ?? null,
    resourceId: step.resource.id,
  }));
}

/** The plan's resources, then the catalogue's others for the skills the plan grows. */
function coachResources(app: UpskillApp, plan: PersonalPlan): CoachResource[] {
  const catalogue = app.planningContent().resources;
  const chosen = new Set(plan.plan.steps.map((step) => step.resource.id));
  const growing = new Set(plan.plan.steps.map((step) => step.skillId));
  const family = occupationFamily(plan.occupation.code);
  // As the planner does: resources written for another field are not offered.
  const forThisField = (resource: { families?: string[] | undefined }): boolean =>
    !resource.families || resource.families.includes(family);
  return catalogue
    .filter(
      (resource) =>
        chosen.has(resource.id) || (forThisField(resource) && resource.skills.some((skill) => growing.has(skill))),
    )
    .sort((a, b) => Number(chosen.has(b.id)) - Number(chosen.has(a.id)))
    .map((resource) => ({
      id: resource.id,
      title: resource.title,
      provider: resource.provider,
      url: resource.url,
      format: resource.format,
      cost: resource.cost,
      hours: resource.hours,
      skills: resource.skills,
    }));
}

/**
 * What the product already computed for the person, as the coach's sources: the occupation view
 * (tasks with exposure, observed use, guidance and risk class), the plan (gaps, steps, progress,
 * resources) and their skills; plus the names to redact (the profile's and the résumé's).
 */
export async function coachSources(
  app: UpskillApp,
  subject: CoachSubject,
): Promise<{ sources: CoachSources; names: string[]; occupationCode: string }> {
  let plan: PersonalPlan;
  let progress: ProfilePlan['progress'] = [];
  let names: string[] = [];
  let hoursPerWeek = DEFAULT_HOURS_PER_WEEK;
  if ('profileId' in subject) {
    const profile = await getProfile(app, subject.profileId);
    const saved = await profilePlan(app, profile.id);
    plan = saved;
    progress = saved.progress;
    hoursPerWeek = profile.hoursPerWeek;
    names = [profile.name, nameFromResume(profile.resumeText)].filter((name): name is string => !!name);
  } else {
    const view = await showOccupation(app, subject.occupation);
    plan = await buildPersonalPlan(app, { occupation: view.code, hoursPerWeek });
  }
  const view = await showOccupation(app, plan.occupation.code);
  return {
    occupationCode: view.code,
    names,
    sources: {
      occupation: { code: view.code, title: view.title },
      target: { name: plan.target.name },
      hoursPerWeek,
      tasks: coachTasks(view),
      steps: coachSteps(plan, progress),
      resources: coachResources(app, plan),
      gaps: plan.gaps.gaps.map((gap) => ({
        skillId: gap.skillId,
        name: gap.name,
        from: levelName(gap.currentLevel),
        to: levelName(gap.requiredLevel),
      })),
      skills: plan.current.map((skill) => ({ name: skill.name, level: levelName(skill.level), source: skill.source })),
    },
  };
}
