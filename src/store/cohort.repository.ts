import type { PersonRelation } from '../domain/access/index.js';
import type { CohortBaseline, CohortProgressRecord } from '../domain/workforce/cohort-progress.js';
import type { Queryable } from './database.js';

/** A plan given to a group of people at once (a team or a selection of the roster). */
export interface Cohort {
  id: string;
  name: string;
  /** "ai-augmented" or a target role id, the same for every member. */
  target: string;
  /** The roster team the cohort was made of; null for a selection of people. */
  team: string | null;
  startDate: string;
  /** The weekly hours every member was given; null: each person's own learning hours. */
  hoursPerWeek: number | null;
  createdBy: string | null;
  createdAt: string;
}

export interface CohortMember {
  cohortId: string;
  personKey: string;
  name: string;
  team: string | null;
  /** The personal plan the member was given (null once that profile is deleted). */
  profileId: string | null;
  hoursPerWeek: number;
  baseline: CohortBaseline;
}

/** A member with whose profile it is (for the access policy) and what they recorded on it. */
export type CohortMemberWithProgress = CohortMember & PersonRelation & { progress: CohortProgressRecord[] };

/** A person of the roster, as a cohort needs them (org_people and org_person_skills, migration 8). */
export interface RosterPerson {
  personKey: string;
  name: string | null;
  email: string | null;
  team: string | null;
  occupationCode: string | null;
  learningHoursPerWeek: number | null;
  /** The account with the person's e-mail address, and that account's manager. */
  accountId: string | null;
  accountManagerId: string | null;
  skills: { skillId: string; level: number; source: string }[];
}

const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const iso = (value: Date | string): string => new Date(value).toISOString();

const COHORT = `select id, name, target, team, start_date as "startDate", hours_per_week as "hoursPerWeek",
  created_by as "createdBy", created_at as "createdAt" from org_cohorts`;

type CohortRow = Omit<Cohort, 'createdAt'> & { createdAt: Date | string };
const toCohort = (row: CohortRow): Cohort => ({ ...row, createdAt: iso(row.createdAt) });

export async function insertCohort(db: Queryable, cohort: Omit<Cohort, 'createdAt'>): Promise<Cohort> {
  const [row] = await db.query<CohortRow>(
    `insert into org_cohorts (id, name, target, team, start_date, hours_per_week, created_by)
     values ($1, $2, $3, $4, $5, $6, $7)
     returning id, name, target, team, start_date as "startDate", hours_per_week as "hoursPerWeek",
       created_by as "createdBy", created_at as "createdAt"`,
    [cohort.id, cohort.name, cohort.target, cohort.team, cohort.startDate, cohort.hoursPerWeek, cohort.createdBy],
  );
  return toCohort(row!);
}

export async function insertCohortMember(db: Queryable, member: CohortMember): Promise<void> {
  await db.query(
    `insert into org_cohort_members (cohort_id, person_key, name, team, profile_id, hours_per_week, baseline)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [
      member.cohortId,
      member.personKey,
      member.name,
      member.team,
      member.profileId,
      member.hoursPerWeek,
      JSON.stringify(member.baseline),
    ],
  );
}

/** A cohort by its id or its name; undefined when there is none. */
export async function findCohort(db: Queryable, idOrName: string): Promise<Cohort | undefined> {
  const [row] = await db.query<CohortRow>(`${COHORT} where id = $1 or name = $1 order by id = $1 desc limit 1`, [
    idOrName,
  ]);
  return row && toCohort(row);
}

/** Every cohort, newest first. */
export async function listCohorts(db: Queryable): Promise<Cohort[]> {
  return (await db.query<CohortRow>(`${COHORT} order by created_at desc, name`)).map(toCohort);
}

/** Deletes a cohort and its membership (the members' personal plans stay theirs); false when there was none. */
export async function deleteCohort(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('delete from org_cohorts where id = $1 returning id', [id])).length > 0;
}

/** A cohort's members with whose plan it is and every step they recorded on it (two queries). */
export async function listCohortMembers(db: Queryable, cohortId: string): Promise<CohortMemberWithProgress[]> {
  const members = await db.query<
    Omit<CohortMember, 'baseline'> & { baseline: CohortBaseline | string } & PersonRelation
  >(
    `select m.cohort_id as "cohortId", m.person_key as "personKey", m.name, m.team, m.profile_id as "profileId",
       m.hours_per_week as "hoursPerWeek", m.baseline, p.owner_id as "ownerId", a.manager_id as "ownerManagerId"
     from org_cohort_members m
       left join profiles p on p.id = m.profile_id
       left join accounts a on a.id = p.owner_id
     where m.cohort_id = $1 order by m.team nulls last, m.name, m.person_key`,
    [cohortId],
  );
  const progress = await db.query<{
    profileId: string;
    stepId: string;
    status: CohortProgressRecord['status'];
    hours: number | null;
    recordedAt: Date | string;
  }>(
    `select g.profile_id as "profileId", g.step_id as "stepId", g.status, g.hours, g.recorded_at as "recordedAt"
     from progress g join org_cohort_members m on m.profile_id = g.profile_id
     where m.cohort_id = $1 order by g.recorded_at, g.step_id`,
    [cohortId],
  );
  const byProfile = new Map<string, CohortProgressRecord[]>();
  for (const row of progress)
    byProfile.set(row.profileId, [
      ...(byProfile.get(row.profileId) ?? []),
      {
        stepId: row.stepId,
        status: row.status,
        ...(row.hours === null ? {} : { hours: row.hours }),
        recordedAt: iso(row.recordedAt),
      },
    ]);
  return members.map((member) => ({
    ...member,
    baseline: json(member.baseline),
    progress: member.profileId ? (byProfile.get(member.profileId) ?? []) : [],
  }));
}

/** How many members each cohort has, by cohort id. */
export async function countCohortMembers(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ cohortId: string; count: number | string }>(
    'select cohort_id as "cohortId", count(*) as count from org_cohort_members group by cohort_id',
  );
  return new Map(rows.map((row) => [row.cohortId, Number(row.count)]));
}

/**
 * The roster's people of one team, or those with these person keys, with their skills and the account
 * their e-mail address belongs to (case-insensitively), ordered by person key.
 */
export async function listRosterPeople(
  db: Queryable,
  selection: { team: string } | { personKeys: readonly string[] },
): Promise<RosterPerson[]> {
  const where = 'team' in selection ? 'p.team = $1' : 'p.person_key = any($1::text[])';
  const people = await db.query<Omit<RosterPerson, 'skills'>>(
    `select p.person_key as "personKey", p.name, p.email, p.team, p.occupation_code as "occupationCode",
       p.learning_hours_per_week as "learningHoursPerWeek", a.id as "accountId", a.manager_id as "accountManagerId"
     from org_people p left join accounts a on lower(a.email) = lower(p.email)
     where ${where} order by p.person_key`,
    ['team' in selection ? selection.team : selection.personKeys],
  );
  const keys = people.map((person) => person.personKey);
  const skills = await db.query<{ personKey: string; skillId: string; level: number; source: string }>(
    `select person_key as "personKey", skill_id as "skillId", level, source from org_person_skills
     where person_key = any($1::text[]) order by person_key, skill_id`,
    [keys],
  );
  const byPerson = new Map<string, RosterPerson['skills']>();
  for (const { personKey, ...skill } of skills) byPerson.set(personKey, [...(byPerson.get(personKey) ?? []), skill]);
  return people.map((person) => ({ ...person, skills: byPerson.get(person.personKey) ?? [] }));
}
