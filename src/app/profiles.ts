import { randomBytes } from 'node:crypto';
import { mayAccessPerson, type PersonRelation, type Principal } from '../domain/access/index.js';
import { findAccount } from '../store/account.repository.js';
import { UpskillError } from '../domain/errors.js';
import { isStorableText } from '../domain/text/normalize.js';
import type { PlanPreferences } from '../domain/planning/learning-resource.js';
import type { ProgressRecord, ProgressStatus } from '../domain/planning/path-planner.js';
import type { SkillLevel } from '../domain/planning/skill-gaps.js';
import * as profiles from '../store/profile.repository.js';
import type { Profile, ProfileSettings } from '../store/profile.repository.js';
import {
  AUGMENT,
  buildPersonalPlan,
  checkHoursPerWeek,
  resolveTarget,
  startingLevels,
  today,
  validatePlanInput,
  type PersonalPlan,
} from './build-plan.js';
import { resolveOccupation } from './show-occupation.js';
import type { UpskillApp } from './upskill-app.js';

export interface NewProfile {
  name: string;
  occupation: string;
  target?: string;
  hoursPerWeek: number;
  startDate?: string;
  preferences?: PlanPreferences;
  resumeText?: string;
  skills?: { skillId: string; level: SkillLevel }[];
  /** Keep the résumé text with the profile (its skills are read either way); on by default. */
  keepResumeText?: boolean;
  /** The account whose profile it is (team mode). */
  ownerId?: string | null;
}

/** Creates a profile after checking everything a plan will need; résumé skills become its starting levels. */
export async function createProfile(app: UpskillApp, input: NewProfile, now: string = today()): Promise<Profile> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 80)
    throw new UpskillError('BAD_INPUT', 'A profile needs a name of 1 to 80 characters.');
  refuseNul({ name, resumeText: input.resumeText });
  const { hoursPerWeek, startDate } = validatePlanInput(
    {
      occupation: input.occupation,
      hoursPerWeek: input.hoursPerWeek,
      ...(input.startDate ? { startDate: input.startDate } : {}),
    },
    now,
  );
  const occupation = await resolveOccupation(app, input.occupation);
  const code = occupation.code;
  const target = input.target ?? AUGMENT;
  await resolveTarget(app, target, occupation);
  // The résumé's skills are read once, here, and kept as editable levels.
  const { current, source } = await startingLevels(app, {
    occupationCode: code,
    ...(input.resumeText !== undefined ? { resumeText: input.resumeText } : {}),
    ...(input.skills ? { skills: input.skills } : {}),
  });
  return profiles.insertProfile(app.database, {
    id: randomBytes(6).toString('hex'),
    name,
    occupationCode: code,
    target,
    // O*NET's defaults are recomputed with every plan; the profile keeps what the person or résumé said.
    skills: [...current]
      .filter(([skillId]) => source.get(skillId) !== 'onet')
      .map(([skillId, level]) => ({ skillId, level })),
    hoursPerWeek,
    startDate,
    preferences: input.preferences ?? { freeOnly: false },
    resumeText: input.keepResumeText === false ? null : (input.resumeText ?? null),
    ownerId: input.ownerId ?? null,
  });
}

/** PostgreSQL cannot store a NUL character, and no name or résumé text has one: say so instead of failing in the store. */
function refuseNul(fields: Record<string, string | undefined>): void {
  for (const [field, value] of Object.entries(fields))
    if (value !== undefined && !isStorableText(value))
      throw new UpskillError(
        'BAD_INPUT',
        `${field}: contains a NUL character (\\0) or a broken (lone surrogate) character, which no text may hold.`,
        {
          hint: 'Remove the NUL characters; they come from pasting binary data, not from text.',
        },
      );
}

/** Every saved profile, oldest first. */
export async function listSavedProfiles(app: UpskillApp): Promise<Profile[]> {
  return profiles.listProfiles(app.database);
}

/** The answer for a profile that does not exist, and for one the caller may not see: the same, so neither leaks. */
export const profileNotFound = (id: string): UpskillError =>
  new UpskillError('NOT_FOUND', `There is no profile "${id}".`, {
    hint: 'List them with `upskill profile list`.',
  });

/** The profiles this principal may see (all of them in personal mode), oldest first. */
export async function listVisibleProfiles(app: UpskillApp, principal: Principal): Promise<Profile[]> {
  if (principal.kind === 'personal') return listSavedProfiles(app);
  return (await profiles.listProfilesWithOwners(app.database))
    .filter((profile) => mayAccessPerson(principal, profile))
    .map(({ ownerManagerId: _manager, ...profile }) => profile);
}

/**
 * For routes that name a profile in their body (the coach's): the same decision as a profile in the
 * path, by the same policy — a profile the caller may not see answers exactly like a missing one.
 */
export async function assertMayAccessProfile(app: UpskillApp, principal: Principal, id: string): Promise<void> {
  if (principal.kind === 'personal') return;
  const relation = await personRelation(app, id);
  if (!relation || !mayAccessPerson(principal, relation)) throw profileNotFound(id);
}

/** Whose a profile is, for the access check; undefined when there is no such profile. */
export const personRelation = (app: UpskillApp, id: string): Promise<PersonRelation | undefined> =>
  profiles.findPersonRelation(app.database, id);

/** Hands a profile to its person's account (an administrator's step after switching a personal store). */
export async function handOverProfile(app: UpskillApp, id: string, accountId: string): Promise<Profile> {
  const profile = await getProfile(app, id);
  if (!(await findAccount(app.database, accountId)))
    throw new UpskillError('BAD_INPUT', `accountId: there is no account "${accountId}".`);
  await profiles.setProfileOwner(app.database, id, accountId);
  return { ...profile, ownerId: accountId };
}

export async function getProfile(app: UpskillApp, id: string): Promise<Profile> {
  const profile = await profiles.findProfile(app.database, id);
  if (!profile) throw profileNotFound(id);
  return profile;
}

/** Week of the plan that contains `now` (1 before the start). */
function currentWeek(startDate: string, now: string): number {
  const days = (Date.parse(`${now}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000;
  return days < 0 ? 1 : Math.floor(days / 7) + 1;
}

/** A saved profile's plan, with the progress it reflects (so a UI can show what is ticked off). */
export type ProfilePlan = PersonalPlan & { progress: (ProgressRecord & { recordedAt: string })[] };

/** The profile's plan with its recorded progress applied: done work stays, the rest re-flows from this week. */
export async function profilePlan(app: UpskillApp, id: string, now: string = today()): Promise<ProfilePlan> {
  return planWithSettings(app, await getProfile(app, id), now);
}

/**
 * The plan a profile would have with some settings changed (hours a week, preferences), its progress
 * kept, without saving anything: what a proposed change would do, shown before it is accepted.
 */
export async function previewProfilePlan(
  app: UpskillApp,
  id: string,
  changes: Partial<Pick<ProfileSettings, 'hoursPerWeek' | 'preferences'>>,
  now: string = today(),
): Promise<ProfilePlan> {
  if (changes.hoursPerWeek !== undefined) checkHoursPerWeek(changes.hoursPerWeek);
  return planWithSettings(app, { ...(await getProfile(app, id)), ...changes }, now);
}

async function planWithSettings(app: UpskillApp, profile: Profile, now: string): Promise<ProfilePlan> {
  const id = profile.id;
  const progress = await profiles.listProgress(app.database, id);
  const plan = await buildPersonalPlan(
    app,
    {
      occupation: profile.occupationCode,
      target: profile.target,
      skills: profile.skills,
      hoursPerWeek: profile.hoursPerWeek,
      startDate: profile.startDate,
      preferences: profile.preferences,
      progress,
      fromWeek: currentWeek(profile.startDate, now),
    },
    progress.length > 0 || profile.startDate < now ? profile.startDate : now,
  );
  return { ...plan, progress };
}

/** Sets a skill's level (0 removes it), after the worker confirms or corrects what the résumé said. */
export async function setProfileSkill(
  app: UpskillApp,
  id: string,
  skillId: string,
  level: SkillLevel,
): Promise<Profile> {
  const profile = await getProfile(app, id);
  if (!app.skillGraph().skills.some((s) => s.id === skillId))
    throw new UpskillError('BAD_INPUT', `Unknown skill "${skillId}".`, {
      hint: 'List the skills with `upskill skills list`.',
    });
  if (!Number.isInteger(level) || level < 0 || level > 4)
    throw new UpskillError('BAD_INPUT', `A level is 0 (none) to 4 (can lead), got ${level}.`);
  const skills = profile.skills.filter((s) => s.skillId !== skillId);
  if (level > 0) skills.push({ skillId, level });
  await profiles.updateProfileSkills(app.database, id, skills);
  return { ...profile, skills };
}

export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['done', 'skipped', 'took-longer'];

/** Records progress on a step of the profile's current plan. */
export async function recordProgress(
  app: UpskillApp,
  id: string,
  stepId: string,
  status: ProgressStatus,
  hours?: number,
  now: string = today(),
): Promise<ProfilePlan> {
  if (!PROGRESS_STATUSES.includes(status))
    throw new UpskillError('BAD_INPUT', `Status must be one of ${PROGRESS_STATUSES.join(', ')}, got "${status}".`);
  if (hours !== undefined && (!Number.isFinite(hours) || hours <= 0 || hours > 1000))
    throw new UpskillError('BAD_INPUT', `Hours must be a positive number, got ${hours}.`);
  const plan = await profilePlan(app, id, now);
  if (!plan.plan.steps.some((s) => s.id === stepId)) {
    throw new UpskillError('NOT_FOUND', `Step "${stepId}" is not in this profile's plan.`, {
      hint: `Steps look like ${plan.plan.steps[0]?.id ?? 'prompt-engineering@2'}; see \`upskill plan --profile ${id}\`.`,
    });
  }
  await profiles.upsertProgress(app.database, id, { stepId, status, hours });
  return profilePlan(app, id, now);
}

/** Takes back what was recorded on a step (a tick by mistake); the plan re-flows as if it never was. */
export async function clearProgress(
  app: UpskillApp,
  id: string,
  stepId: string,
  now: string = today(),
): Promise<ProfilePlan> {
  await getProfile(app, id);
  if (!(await profiles.deleteProgress(app.database, id, stepId)))
    throw new UpskillError('NOT_FOUND', `Nothing is recorded for step "${stepId}" of profile ${id}.`);
  return profilePlan(app, id, now);
}

/** Changes a profile's name, goal, weekly hours or resource preferences; its plan re-flows from them. */
export async function updateProfile(app: UpskillApp, id: string, changes: Partial<ProfileSettings>): Promise<Profile> {
  const profile = await getProfile(app, id);
  const settings: ProfileSettings = {
    name: changes.name?.trim() ?? profile.name,
    target: changes.target ?? profile.target,
    hoursPerWeek: changes.hoursPerWeek ?? profile.hoursPerWeek,
    preferences: changes.preferences ?? profile.preferences,
  };
  if (settings.name.length === 0 || settings.name.length > 80)
    throw new UpskillError('BAD_INPUT', 'A profile needs a name of 1 to 80 characters.');
  refuseNul({ name: settings.name });
  checkHoursPerWeek(settings.hoursPerWeek);
  if (settings.target !== profile.target)
    await resolveTarget(app, settings.target, await resolveOccupation(app, profile.occupationCode));
  await profiles.updateProfileSettings(app.database, id, settings);
  return { ...profile, ...settings };
}

export async function deleteProfile(app: UpskillApp, id: string): Promise<void> {
  if (!(await profiles.deleteProfile(app.database, id))) throw profileNotFound(id);
}
