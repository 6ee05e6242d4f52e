import { randomBytes } from 'node:crypto';
import { mayAccessPerson, type Principal } from '../domain/access/index.js';
import { UpskillError } from '../domain/errors.js';
import type { SkillLevel } from '../domain/planning/skill-gaps.js';
import * as cohorts from '../store/cohort.repository.js';
import type { Cohort, RosterPerson } from '../store/cohort.repository.js';
import { deleteProfile } from '../store/profile.repository.js';
import { AUGMENT, checkHoursPerWeek, MAX_HOURS_PER_WEEK, MIN_HOURS_PER_WEEK, today } from './build-plan.js';
import { createProfile, profilePlan } from './profiles.js';
import type { UpskillApp } from './upskill-app.js';

/** Weekly learning hours of a member whose roster row gives none and whose cohort sets none. */
export const DEFAULT_COHORT_HOURS = 3;
const MAX_COHORT_MEMBERS = 2000;

export interface NewCohort {
  name: string;
  /** "ai-augmented" (each member's own job with AI; the default) or a target role id. */
  target?: string;
  /** A roster team: all its people (that the caller may see) … */
  team?: string;
  /** … or these person keys. */
  people?: string[];
  /** The first day of week 1 (today by default). */
  startDate?: string;
  /** Every member's weekly hours; by default each person's "hours for learning" from the roster. */
  hoursPerWeek?: number;
}

export interface AssignedCohort {
  cohort: Cohort;
  members: {
    personKey: string;
    name: string;
    team: string | null;
    profileId: string;
    plannedHours: number;
    weeks: number;
  }[];
  /** People of the group who got no plan, and why. */
  skipped: { personKey: string; reason: string }[];
}

const clampHours = (hours: number): number =>
  Math.min(MAX_HOURS_PER_WEEK, Math.max(MIN_HOURS_PER_WEEK, Math.round(hours)));

/**
 * Whether this caller may give this roster person a plan: the same policy as seeing their profile (an
 * administrator anyone, a manager their reports and themselves, an employee only themselves).
 */
const mayAssign = (principal: Principal, person: RosterPerson): boolean =>
  principal.kind === 'personal' ||
  (principal.kind === 'account' && principal.role === 'administrator') ||
  (person.accountId !== null &&
    mayAccessPerson(principal, { ownerId: person.accountId, ownerManagerId: person.accountManagerId }));

/** The group's people the caller may see; the rest answer as if they were not on the roster. */
async function selectPeople(app: UpskillApp, principal: Principal, input: NewCohort): Promise<RosterPerson[]> {
  if ((input.team === undefined) === (input.people === undefined))
    throw new UpskillError('BAD_INPUT', 'Name either a team or a list of people, not both and not neither.', {
      hint: 'For example `--team Sales` or `--people E001,E002`.',
    });
  if (input.team !== undefined) {
    const team = input.team.trim();
    const people = (await cohorts.listRosterPeople(app.database, { team })).filter((p) => mayAssign(principal, p));
    if (people.length === 0)
      throw new UpskillError('NOT_FOUND', `No one you may assign a plan to is in team "${team}".`, {
        hint: 'See the teams with `upskill org readiness --by team`; a manager assigns plans to their own reports.',
      });
    return people;
  }
  const keys = [...new Set(input.people!.map((key) => key.trim()).filter((key) => key.length > 0))];
  if (keys.length === 0) throw new UpskillError('BAD_INPUT', 'people: name at least one person.');
  if (keys.length > MAX_COHORT_MEMBERS)
    throw new UpskillError(
      'BAD_INPUT',
      `people: at most ${MAX_COHORT_MEMBERS} people in one cohort, got ${keys.length}.`,
    );
  const people = (await cohorts.listRosterPeople(app.database, { personKeys: keys })).filter((p) =>
    mayAssign(principal, p),
  );
  const found = new Set(people.map((person) => person.personKey));
  const missing = keys.filter((key) => !found.has(key));
  if (missing.length > 0)
    throw new UpskillError('NOT_FOUND', `people: no one you may assign a plan to has the id ${missing.join(', ')}.`, {
      hint: 'List the roster with `upskill org people`; a manager assigns plans to their own reports.',
    });
  return people;
}

/**
 * Gives one plan to a group: each member gets a personal plan (a profile of the worker journey, theirs
 * when their roster e-mail has an account) starting the same day, and the cohort keeps each plan's
 * baseline to measure progress against. People without an occupation are listed as skipped.
 */
export async function assignCohortPlan(
  app: UpskillApp,
  principal: Principal,
  input: NewCohort,
  now: string = today(),
): Promise<AssignedCohort> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 80)
    throw new UpskillError('BAD_INPUT', 'name: a cohort needs a name of 1 to 80 characters.');
  if (await cohorts.findCohort(app.database, name))
    throw new UpskillError('CONFLICT', `There is already a cohort "${name}".`, { hint: 'Choose another name.' });
  const target = input.target ?? AUGMENT;
  if (target !== AUGMENT && !app.planningContent().roles.some((role) => role.id === target))
    throw new UpskillError('NOT_FOUND', `There is no target role "${target}".`, {
      hint: `Choose ${AUGMENT} or one of: ${app
        .planningContent()
        .roles.map((role) => role.id)
        .join(', ')}.`,
    });
  if (input.hoursPerWeek !== undefined) checkHoursPerWeek(input.hoursPerWeek);
  const people = await selectPeople(app, principal, input);
  const startDate = input.startDate ?? now;
  const known = new Set(app.skillGraph().skills.map((skill) => skill.id));

  const cohort = await cohorts.insertCohort(app.database, {
    id: randomBytes(6).toString('hex'),
    name,
    target,
    team: input.team?.trim() ?? null,
    startDate,
    hoursPerWeek: input.hoursPerWeek ?? null,
    createdBy: principal.kind === 'account' ? principal.accountId : null,
  });
  const created: string[] = [];
  const result: AssignedCohort = { cohort, members: [], skipped: [] };
  try {
    for (const person of people) {
      if (!person.occupationCode) {
        result.skipped.push({
          personKey: person.personKey,
          reason: 'their title is not matched to an occupation yet; confirm it with `upskill org confirm`',
        });
        continue;
      }
      const hoursPerWeek =
        input.hoursPerWeek ??
        (person.learningHoursPerWeek && person.learningHoursPerWeek > 0
          ? clampHours(person.learningHoursPerWeek)
          : DEFAULT_COHORT_HOURS);
      const personName = (person.name?.trim() || person.personKey).slice(0, 80);
      const profile = await createProfile(
        app,
        {
          name: `${personName} · ${name}`.slice(0, 80),
          occupation: person.occupationCode,
          target,
          hoursPerWeek,
          startDate,
          // Levels the roster or a résumé gave; O*NET's defaults are recomputed with every plan anyway.
          skills: person.skills
            .filter((s) => s.source !== 'onet-default' && known.has(s.skillId))
            .map((s) => ({ skillId: s.skillId, level: Math.min(4, Math.max(0, Math.round(s.level))) as SkillLevel })),
          keepResumeText: false,
          ownerId: person.accountId,
        },
        now,
      );
      created.push(profile.id);
      const { plan } = await profilePlan(app, profile.id, now);
      await cohorts.insertCohortMember(app.database, {
        cohortId: cohort.id,
        personKey: person.personKey,
        name: personName,
        team: person.team,
        profileId: profile.id,
        hoursPerWeek,
        baseline: {
          weeks: plan.weeks.map((week) => ({ week: week.week, hours: week.hours })),
          steps: plan.steps.map((step) => ({ id: step.id, hours: step.hours })),
        },
      });
      result.members.push({
        personKey: person.personKey,
        name: personName,
        team: person.team,
        profileId: profile.id,
        plannedHours: plan.totalHours,
        weeks: plan.weeks.length,
      });
    }
  } catch (error) {
    // All or nothing: a cohort half assigned would measure only some of its people.
    await cohorts.deleteCohort(app.database, cohort.id);
    for (const id of created) await deleteProfile(app.database, id);
    throw error;
  }
  if (result.members.length === 0) {
    await cohorts.deleteCohort(app.database, cohort.id);
    throw new UpskillError('BAD_INPUT', 'No one in the group could be given a plan.', {
      hint: result.skipped.map((s) => `${s.personKey}: ${s.reason}`).join('; '),
    });
  }
  return result;
}
