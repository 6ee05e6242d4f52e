/**
 * Progress of a cohort: a group of people given one learning plan each at the same time. Every member's
 * plan is measured against the baseline it had when the cohort was assigned (a personal plan re-flows
 * after every tick, so only the snapshot says what "on plan" meant).
 *
 * Definitions (written down in docs/decisions.md, "Cohort plans" and shown on the dashboard):
 * - planned to date: the baseline's hours of the weeks that have ended (week 1 … the week before this one);
 * - done: the baseline hours of the steps the person has finished (done, took longer) or skipped (a skipped
 *   step is work the plan no longer needs);
 * - spent: the hours the person says they spent (a step marked done counts its planned hours, one that
 *   took longer the hours recorded, a skipped one none);
 * - behind plan ("stuck"): done is at least one week's learning hours short of planned to date.
 */

export type CohortProgressStatus = 'not-started-yet' | 'on-track' | 'behind' | 'finished';

/** What was recorded on one step of a member's plan (the worker journey's progress). */
export interface CohortProgressRecord {
  stepId: string;
  status: 'done' | 'skipped' | 'took-longer';
  hours?: number | undefined;
  /** ISO timestamp. */
  recordedAt: string;
}

/** The plan as it was when the cohort was assigned. */
export interface CohortBaseline {
  weeks: readonly { week: number; hours: number }[];
  steps: readonly { id: string; hours: number }[];
}

export interface CohortMemberInput {
  personKey: string;
  name: string;
  team: string | null;
  hoursPerWeek: number;
  baseline: CohortBaseline;
  progress: readonly CohortProgressRecord[];
}

export interface MemberProgress {
  personKey: string;
  name: string;
  team: string | null;
  status: CohortProgressStatus;
  hoursPerWeek: number;
  plannedHours: number;
  plannedToDateHours: number;
  doneHours: number;
  spentHours: number;
  /** How far done is short of planned to date (0 when ahead). */
  behindHours: number;
  /** Share of the baseline's hours done, 0–1. */
  completion: number;
  lastActivity: string | null;
}

export interface TeamWeek {
  team: string;
  week: number;
  /** First day of the week (ISO date). */
  start: string;
  members: number;
  plannedHours: number;
  doneHours: number;
  spentHours: number;
  cumulativePlannedHours: number;
  cumulativeDoneHours: number;
}

export interface CohortProgress {
  /** The cohort's week on the day asked about: 0 before its start, 1 in its first week. */
  week: number;
  asOf: string;
  members: MemberProgress[];
  weeks: TeamWeek[];
  totals: {
    members: number;
    finished: number;
    onTrack: number;
    behind: number;
    notStartedYet: number;
    plannedHours: number;
    plannedToDateHours: number;
    doneHours: number;
    spentHours: number;
  };
}

/** The name teamless members are grouped under. */
export const NO_TEAM = '(no team)';

const DAY_MS = 86_400_000;
const round = (value: number): number => Math.round(value * 100) / 100;
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** The cohort week a date falls in (1-based; 0 before the start). */
export function cohortWeek(startDate: string, date: string): number {
  const days = (Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / DAY_MS;
  return days < 0 ? 0 : Math.floor(days / 7) + 1;
}

const weekStart = (startDate: string, week: number): string =>
  new Date(Date.parse(`${startDate}T00:00:00Z`) + (week - 1) * 7 * DAY_MS).toISOString().slice(0, 10);

/** Hours one record clears of the baseline (done) and hours the person spent on it. */
function recordHours(
  record: CohortProgressRecord,
  planned: ReadonlyMap<string, number>,
): { done: number; spent: number } {
  const plannedHours = planned.get(record.stepId);
  if (record.status === 'skipped') return { done: plannedHours ?? 0, spent: 0 };
  // "Done" without hours means it took the planned time; "took longer" always records its hours.
  return { done: plannedHours ?? 0, spent: record.hours ?? plannedHours ?? 0 };
}

/** What was recorded by the end of `asOf` (ISO date): a day in the past sees the cohort as it stood then. */
const recordedBy = (progress: readonly CohortProgressRecord[], asOf: string): CohortProgressRecord[] =>
  progress.filter((record) => record.recordedAt.slice(0, 10) <= asOf);

/** One member's standing against their baseline on `asOf` (ISO date). */
export function memberProgress(member: CohortMemberInput, startDate: string, asOf: string): MemberProgress {
  const week = cohortWeek(startDate, asOf);
  const progress = recordedBy(member.progress, asOf);
  const planned = new Map(member.baseline.steps.map((step) => [step.id, step.hours]));
  const plannedHours = round(sum(member.baseline.steps.map((step) => step.hours)));
  const plannedToDateHours = round(sum(member.baseline.weeks.filter((w) => w.week < week).map((w) => w.hours)));
  const counted = progress.map((record) => recordHours(record, planned));
  const doneHours = round(sum(counted.map((c) => c.done)));
  const spentHours = round(sum(counted.map((c) => c.spent)));
  const behindHours = round(Math.max(0, plannedToDateHours - doneHours));
  const status: CohortProgressStatus =
    doneHours >= plannedHours - 1e-9 && plannedHours > 0
      ? 'finished'
      : week === 0
        ? 'not-started-yet'
        : behindHours >= member.hoursPerWeek - 1e-9
          ? 'behind'
          : 'on-track';
  const lastActivity =
    progress
      .map((record) => record.recordedAt)
      .sort()
      .at(-1) ?? null;
  return {
    personKey: member.personKey,
    name: member.name,
    team: member.team,
    status,
    hoursPerWeek: member.hoursPerWeek,
    plannedHours,
    plannedToDateHours,
    doneHours,
    spentHours,
    behindHours,
    completion: plannedHours > 0 ? round(doneHours / plannedHours) : 1,
    lastActivity,
  };
}

/** Planned, done and spent hours per team and cohort week, from week 1 to the current week. */
export function teamWeeks(members: readonly CohortMemberInput[], startDate: string, asOf: string): TeamWeek[] {
  const lastWeek = cohortWeek(startDate, asOf);
  const teams = new Map<string, CohortMemberInput[]>();
  for (const member of members) {
    const team = member.team ?? NO_TEAM;
    teams.set(team, [...(teams.get(team) ?? []), member]);
  }
  const rows: TeamWeek[] = [];
  for (const [team, people] of [...teams].sort(([a], [b]) => a.localeCompare(b))) {
    const planned = new Map<number, number>();
    const done = new Map<number, number>();
    const spent = new Map<number, number>();
    for (const person of people) {
      for (const week of person.baseline.weeks) planned.set(week.week, (planned.get(week.week) ?? 0) + week.hours);
      const stepHours = new Map(person.baseline.steps.map((step) => [step.id, step.hours]));
      for (const record of recordedBy(person.progress, asOf)) {
        // Work recorded before the start counts in week 1.
        const week = Math.max(1, cohortWeek(startDate, record.recordedAt));
        const hours = recordHours(record, stepHours);
        done.set(week, (done.get(week) ?? 0) + hours.done);
        spent.set(week, (spent.get(week) ?? 0) + hours.spent);
      }
    }
    let cumulativePlanned = 0;
    let cumulativeDone = 0;
    for (let week = 1; week <= lastWeek; week++) {
      cumulativePlanned += planned.get(week) ?? 0;
      cumulativeDone += done.get(week) ?? 0;
      rows.push({
        team,
        week,
        start: weekStart(startDate, week),
        members: people.length,
        plannedHours: round(planned.get(week) ?? 0),
        doneHours: round(done.get(week) ?? 0),
        spentHours: round(spent.get(week) ?? 0),
        cumulativePlannedHours: round(cumulativePlanned),
        cumulativeDoneHours: round(cumulativeDone),
      });
    }
  }
  return rows;
}

/** The cohort's dashboard: each member's standing, the team-by-week table and the totals. */
export function cohortProgress(members: readonly CohortMemberInput[], startDate: string, asOf: string): CohortProgress {
  const rows = members
    .map((member) => memberProgress(member, startDate, asOf))
    .sort(
      (a, b) =>
        b.behindHours - a.behindHours ||
        (a.team ?? NO_TEAM).localeCompare(b.team ?? NO_TEAM) ||
        a.name.localeCompare(b.name),
    );
  const count = (status: CohortProgressStatus) => rows.filter((row) => row.status === status).length;
  return {
    week: cohortWeek(startDate, asOf),
    asOf,
    members: rows,
    weeks: teamWeeks(members, startDate, asOf),
    totals: {
      members: rows.length,
      finished: count('finished'),
      onTrack: count('on-track'),
      behind: count('behind'),
      notStartedYet: count('not-started-yet'),
      plannedHours: round(sum(rows.map((row) => row.plannedHours))),
      plannedToDateHours: round(sum(rows.map((row) => row.plannedToDateHours))),
      doneHours: round(sum(rows.map((row) => row.doneHours))),
      spentHours: round(sum(rows.map((row) => row.spentHours))),
    },
  };
}

const CSV_COLUMNS = [
  'person_key',
  'name',
  'team',
  'status',
  'hours_per_week',
  'planned_hours',
  'planned_to_date_hours',
  'done_hours',
  'spent_hours',
  'behind_hours',
  'last_activity',
] as const;

/** A CSV cell: quoted when it holds a separator, quote or line break; a leading = + - @ is defused for spreadsheets. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The members' standing as CSV (one row per member, hours as numbers). */
export function cohortProgressCsv(progress: CohortProgress): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const m of progress.members)
    lines.push(
      [
        m.personKey,
        m.name,
        m.team,
        m.status,
        m.hoursPerWeek,
        m.plannedHours,
        m.plannedToDateHours,
        m.doneHours,
        m.spentHours,
        m.behindHours,
        m.lastActivity,
      ]
        .map(cell)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
