import { mayAccessPerson, type Principal } from '../domain/access/index.js';
import { UpskillError } from '../domain/errors.js';
import { cohortProgress, cohortProgressCsv, type CohortProgress } from '../domain/workforce/cohort-progress.js';
import * as cohorts from '../store/cohort.repository.js';
import type { Cohort, CohortMemberWithProgress } from '../store/cohort.repository.js';
import { today } from './build-plan.js';
import type { UpskillApp } from './upskill-app.js';

/** What the dashboard's words mean, sent with every dashboard so no figure stands without its definition. */
export const COHORT_DEFINITIONS = {
  plannedToDate: "Hours of the member's plan, as assigned, in the weeks that have ended (not this week).",
  done: 'Planned hours of the steps the member finished or skipped (a skipped step is work the plan no longer needs).',
  spent:
    'Hours the member recorded: a step marked done counts its planned hours, one that took longer what they entered.',
  behind:
    'Behind plan: done is at least one week of the member’s learning hours short of planned to date. ' +
    'Measured against the plan as assigned, not as it re-flowed after progress.',
  source: 'Progress the members recorded on their own plans (Your path, or `upskill progress`).',
} as const;

export interface CohortSummary extends Cohort {
  /** Members the caller may see. */
  members: number;
}

export interface CohortDashboard {
  cohort: Cohort;
  progress: CohortProgress;
  /** Members of the cohort the caller may not see: counted, never named. */
  hiddenMembers: number;
  definitions: typeof COHORT_DEFINITIONS;
}

const visibleTo = (principal: Principal, members: readonly CohortMemberWithProgress[]) =>
  members.filter((member) => mayAccessPerson(principal, member));

const seesAll = (principal: Principal): boolean =>
  principal.kind === 'personal' || (principal.kind === 'account' && principal.role === 'administrator');

const cohortNotFound = (idOrName: string): UpskillError =>
  new UpskillError('NOT_FOUND', `There is no cohort "${idOrName}".`, {
    hint: 'List them with `upskill org cohort list`.',
  });

/** The cohorts with at least one member the caller may see (all of them for an administrator), newest first. */
export async function listVisibleCohorts(app: UpskillApp, principal: Principal): Promise<CohortSummary[]> {
  const all = await cohorts.listCohorts(app.database);
  if (seesAll(principal)) {
    const counts = await cohorts.countCohortMembers(app.database);
    return all.map((cohort) => ({ ...cohort, members: counts.get(cohort.id) ?? 0 }));
  }
  const summaries: CohortSummary[] = [];
  for (const cohort of all) {
    const visible = visibleTo(principal, await cohorts.listCohortMembers(app.database, cohort.id)).length;
    if (visible > 0) summaries.push({ ...cohort, members: visible });
  }
  return summaries;
}

/**
 * A cohort's progress by member, team and week, for the members the caller may see (a manager their
 * own reports, an administrator everyone); a cohort with none of them answers like a missing one.
 */
export async function cohortDashboard(
  app: UpskillApp,
  principal: Principal,
  idOrName: string,
  now: string = today(),
): Promise<CohortDashboard> {
  const cohort = await cohorts.findCohort(app.database, idOrName);
  if (!cohort) throw cohortNotFound(idOrName);
  const members = await cohorts.listCohortMembers(app.database, cohort.id);
  const visible = seesAll(principal) ? members : visibleTo(principal, members);
  if (visible.length === 0 && !seesAll(principal)) throw cohortNotFound(idOrName);
  return {
    cohort,
    progress: cohortProgress(visible, cohort.startDate, now),
    hiddenMembers: members.length - visible.length,
    definitions: COHORT_DEFINITIONS,
  };
}

/** The dashboard's members as CSV (what the caller may see). */
export async function cohortCsv(
  app: UpskillApp,
  principal: Principal,
  idOrName: string,
  now: string = today(),
): Promise<string> {
  return cohortProgressCsv((await cohortDashboard(app, principal, idOrName, now)).progress);
}
