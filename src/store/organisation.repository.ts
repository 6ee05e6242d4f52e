import { UNASSIGNED_GROUP } from '../domain/workforce/readiness.js';
import type { Queryable } from './database.js';

/** One person of the imported roster (migration 8, org_people). */
export interface OrgPerson {
  personKey: string;
  name: string | null;
  email: string | null;
  title: string;
  team: string | null;
  department: string | null;
  managerKey: string | null;
  level: string | null;
  yearsInRole: number | null;
  location: string | null;
  learningHoursPerWeek: number | null;
  occupationCode: string | null;
  titleScore: number | null;
  titleConfirmed: boolean;
  /** The resolver's best match is clear (strong and well ahead of the next): no need to confirm it. */
  titleClear: boolean;
  resumeFile: string | null;
  /** A target role id for this person ("ai-augmented" or an authored role); null: their team's or the default. */
  target: string | null;
  /** Made up by `upskill org demo`: never a real person. */
  fictional: boolean;
  sourceFile: string | null;
  sourceLine: number | null;
}

export type SkillSource = 'roster' | 'resume' | 'onet-default';

export interface OrgPersonSkill {
  personKey: string;
  skillId: string;
  level: number;
  source: SkillSource;
}

export interface OrgPersonGap {
  personKey: string;
  skillId: string;
  label: string;
  currentLevel: number;
  targetLevel: number;
  hours: number;
}

export interface OrgFreelancer {
  id: number;
  name: string;
  skills: string[];
  ratePerHour: number;
  currency: string;
  hoursPerWeek: number | null;
  availableFrom: string | null;
}

export interface OrgScenario {
  name: string;
  assumptions: Record<string, number>;
  updatedAt: string;
}

/** A roster person with the accounts that decide who may see them (linked by e-mail). */
export interface OrgPersonRelation {
  personKey: string;
  /** The person's own account, when their roster e-mail is an account's. */
  accountId: string | null;
  /** Their account's manager (accounts.manager_id) and the account of their roster manager, when linked. */
  managerAccountIds: string[];
}

const PERSON_COLUMNS = `person_key as "personKey", name, email, title, team, department, manager_key as "managerKey",
  level, years_in_role as "yearsInRole", location, learning_hours_per_week as "learningHoursPerWeek",
  occupation_code as "occupationCode", title_score as "titleScore", title_confirmed as "titleConfirmed",
  title_clear as "titleClear", resume_file as "resumeFile", target, fictional, source_file as "sourceFile", source_line as "sourceLine"`;

/** Rows per statement: arrays of this many values keep each statement well under the parameter limits. */
const BATCH = 2000;

function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Inserts or updates people by their roster id (a re-import updates in place). A confirmed title
 * stays confirmed, with its occupation, unless the roster's title itself changed.
 */
export async function upsertPeople(db: Queryable, people: readonly OrgPerson[]): Promise<void> {
  for (const batch of chunks(people)) {
    const col = <K extends keyof OrgPerson>(key: K) => batch.map((p) => p[key]);
    await db.query(
      `insert into org_people (person_key, name, email, title, team, department, manager_key, level, years_in_role,
         location, learning_hours_per_week, occupation_code, title_score, title_confirmed, title_clear, resume_file,
         target, fictional, source_file, source_line, updated_at)
       select *, now() from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::real[], $10::text[], $11::real[], $12::text[], $13::real[], $14::boolean[], $15::boolean[],
         $16::text[], $17::text[], $18::boolean[], $19::text[], $20::int[])
       on conflict (person_key) do update set
         name = excluded.name, email = excluded.email, team = excluded.team, department = excluded.department,
         manager_key = excluded.manager_key, level = excluded.level, years_in_role = excluded.years_in_role,
         location = excluded.location, learning_hours_per_week = excluded.learning_hours_per_week,
         resume_file = coalesce(excluded.resume_file, org_people.resume_file), target = excluded.target,
         fictional = excluded.fictional, source_file = excluded.source_file, source_line = excluded.source_line,
         occupation_code = case when org_people.title_confirmed and org_people.title = excluded.title
           then org_people.occupation_code else excluded.occupation_code end,
         title_score = case when org_people.title_confirmed and org_people.title = excluded.title
           then org_people.title_score else excluded.title_score end,
         title_clear = case when org_people.title_confirmed and org_people.title = excluded.title
           then org_people.title_clear else excluded.title_clear end,
         title_confirmed = org_people.title_confirmed and org_people.title = excluded.title
           or excluded.title_confirmed,
         title = excluded.title, updated_at = now()`,
      [
        col('personKey'),
        col('name'),
        col('email'),
        col('title'),
        col('team'),
        col('department'),
        col('managerKey'),
        col('level'),
        col('yearsInRole'),
        col('location'),
        col('learningHoursPerWeek'),
        col('occupationCode'),
        col('titleScore'),
        col('titleConfirmed'),
        col('titleClear'),
        col('resumeFile'),
        col('target'),
        col('fictional'),
        col('sourceFile'),
        col('sourceLine'),
      ],
    );
  }
}

/** Replaces the stored skills of these people with the given ones (people not listed keep theirs). */
export async function replacePersonSkills(
  db: Queryable,
  personKeys: readonly string[],
  skills: readonly OrgPersonSkill[],
): Promise<void> {
  for (const batch of chunks(personKeys))
    await db.query('delete from org_person_skills where person_key = any($1)', [batch]);
  for (const batch of chunks(skills)) {
    await db.query(
      `insert into org_person_skills (person_key, skill_id, level, source)
       select * from unnest($1::text[], $2::text[], $3::int[], $4::text[])`,
      [
        batch.map((s) => s.personKey),
        batch.map((s) => s.skillId),
        batch.map((s) => s.level),
        batch.map((s) => s.source),
      ],
    );
  }
}

/** Replaces the stored gaps of these people (the assessment's per-person result, for SQL roll-ups). */
export async function replacePersonGaps(
  db: Queryable,
  personKeys: readonly string[],
  gaps: readonly OrgPersonGap[],
): Promise<void> {
  for (const batch of chunks(personKeys))
    await db.query('delete from org_person_gaps where person_key = any($1)', [batch]);
  for (const batch of chunks(gaps)) {
    await db.query(
      `insert into org_person_gaps (person_key, skill_id, label, current_level, target_level, hours)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::real[])`,
      [
        batch.map((g) => g.personKey),
        batch.map((g) => g.skillId),
        batch.map((g) => g.label),
        batch.map((g) => g.currentLevel),
        batch.map((g) => g.targetLevel),
        batch.map((g) => g.hours),
      ],
    );
  }
}

export interface PeopleFilter {
  /** Only titles nobody confirmed whose match was not clear: the ones to confirm. */
  unconfirmed?: boolean;
  /** Only one team, department or level; UNASSIGNED_GROUP means people with none. */
  team?: string;
  department?: string;
  level?: string;
  limit?: number;
  offset?: number;
}

const GROUP_COLUMNS = ['team', 'department', 'level'] as const;

/** People in roster-id order, optionally only the unconfirmed low-confidence titles or one group. */
export async function listPeople(db: Queryable, filter: PeopleFilter = {}): Promise<OrgPerson[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.unconfirmed) where.push('not title_confirmed and not title_clear');
  for (const column of GROUP_COLUMNS) {
    const value = filter[column];
    if (value === undefined) continue;
    if (value === UNASSIGNED_GROUP) where.push(`${column} is null`);
    else where.push(`${column} = $${params.push(value)}`);
  }
  params.push(filter.limit ?? 1_000_000, filter.offset ?? 0);
  return db.query<OrgPerson>(
    `select ${PERSON_COLUMNS} from org_people ${where.length ? `where ${where.join(' and ')}` : ''}
     order by person_key limit $${params.length - 1} offset $${params.length}`,
    params,
  );
}

export async function countPeople(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from org_people');
  return row!.n;
}

export async function findPerson(db: Queryable, personKey: string): Promise<OrgPerson | undefined> {
  const [row] = await db.query<OrgPerson>(`select ${PERSON_COLUMNS} from org_people where person_key = $1`, [
    personKey,
  ]);
  return row;
}

/** Sets people's occupations as confirmed by a person; answers the roster ids that exist. */
export async function confirmTitles(
  db: Queryable,
  confirmations: readonly { personKey: string; occupationCode: string }[],
): Promise<string[]> {
  const rows = await db.query<{ personKey: string }>(
    `update org_people p set occupation_code = c.code, title_confirmed = true, title_score = 1, updated_at = now()
     from unnest($1::text[], $2::text[]) as c(key, code) where p.person_key = c.key
     returning p.person_key as "personKey"`,
    [confirmations.map((c) => c.personKey), confirmations.map((c) => c.occupationCode)],
  );
  return rows.map((row) => row.personKey);
}

/** Every stored skill level, or those of some people. */
export function listPersonSkills(db: Queryable, personKeys?: readonly string[]): Promise<OrgPersonSkill[]> {
  return personKeys
    ? db.query(
        `select person_key as "personKey", skill_id as "skillId", level, source from org_person_skills
         where person_key = any($1) order by person_key, skill_id`,
        [personKeys],
      )
    : db.query(
        `select person_key as "personKey", skill_id as "skillId", level, source from org_person_skills
         order by person_key, skill_id`,
      );
}

/** Every stored gap, or those of some people. */
export function listPersonGaps(db: Queryable, personKeys?: readonly string[]): Promise<OrgPersonGap[]> {
  const select = `select person_key as "personKey", skill_id as "skillId", label, current_level as "currentLevel",
    target_level as "targetLevel", hours from org_person_gaps`;
  return personKeys
    ? db.query(`${select} where person_key = any($1) order by person_key, skill_id`, [personKeys])
    : db.query(`${select} order by person_key, skill_id`);
}

/** Gaps per group and skill in SQL: people missing it, mean levels and hours (the roll-up's peer in the benchmark). */
export function rollUpGaps(
  db: Queryable,
  by: 'team' | 'department' | 'level',
): Promise<{ groupName: string | null; skillId: string; people: number; meanGap: number; hours: number }[]> {
  const column = { team: 'p.team', department: 'p.department', level: 'p.level' }[by];
  return db.query(
    `select ${column} as "groupName", g.skill_id as "skillId", count(*)::int as people,
       avg(g.target_level - g.current_level)::float8 as "meanGap", sum(g.hours)::float8 as hours
     from org_person_gaps g join org_people p on p.person_key = g.person_key
     group by ${column}, g.skill_id order by ${column}, people desc, g.skill_id`,
  );
}

/** Who may see each person: their account (by e-mail) and the accounts of their managers. */
export async function listPersonRelations(db: Queryable): Promise<OrgPersonRelation[]> {
  const rows = await db.query<{ personKey: string; accountId: string | null; m1: string | null; m2: string | null }>(
    `select p.person_key as "personKey", a.id as "accountId", a.manager_id as m1, ma.id as m2
     from org_people p
     left join accounts a on lower(a.email) = lower(p.email)
     left join org_people mp on mp.person_key = p.manager_key
     left join accounts ma on lower(ma.email) = lower(mp.email)
     where a.id is not null or ma.id is not null`,
  );
  return rows.map((row) => ({
    personKey: row.personKey,
    accountId: row.accountId,
    managerAccountIds: [row.m1, row.m2].filter((id): id is string => id !== null),
  }));
}

/** Removes every roster person (with their skills and gaps): before the demo company replaces a roster. */
export async function deleteAllPeople(db: Queryable): Promise<void> {
  await db.query('delete from org_people');
}

/** Replaces the freelancer bench with these freelancers. */
export async function replaceFreelancers(
  db: Queryable,
  freelancers: readonly Omit<OrgFreelancer, 'id'>[],
): Promise<void> {
  await db.query('delete from org_freelancers');
  for (const f of freelancers) {
    await db.query(
      `insert into org_freelancers (name, skills, rate_per_hour, currency, hours_per_week, available_from)
       values ($1, $2, $3, $4, $5, $6)`,
      [f.name, f.skills, f.ratePerHour, f.currency, f.hoursPerWeek, f.availableFrom],
    );
  }
}

export function listFreelancers(db: Queryable): Promise<OrgFreelancer[]> {
  return db.query(
    `select id::int as id, name, skills, rate_per_hour::float8 as "ratePerHour", currency,
       hours_per_week as "hoursPerWeek", to_char(available_from, 'YYYY-MM-DD') as "availableFrom"
     from org_freelancers order by id`,
  );
}

// pg parses jsonb; PGlite too, but be tolerant of either returning text.
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** Saves (or replaces) a named set of staffing assumptions. */
export async function saveScenario(
  db: Queryable,
  name: string,
  assumptions: Record<string, number>,
): Promise<OrgScenario> {
  const [row] = await db.query<{ name: string; assumptions: unknown; updatedAt: Date | string }>(
    `insert into org_scenarios (name, assumptions) values ($1, $2::jsonb)
     on conflict (name) do update set assumptions = excluded.assumptions, updated_at = now()
     returning name, assumptions, updated_at as "updatedAt"`,
    [name, JSON.stringify(assumptions)],
  );
  return toScenario(row!);
}

const toScenario = (row: { name: string; assumptions: unknown; updatedAt: Date | string }): OrgScenario => ({
  name: row.name,
  assumptions: json(row.assumptions as Record<string, number>),
  updatedAt: new Date(row.updatedAt).toISOString(),
});

export async function findScenario(db: Queryable, name: string): Promise<OrgScenario | undefined> {
  const [row] = await db.query<{ name: string; assumptions: unknown; updatedAt: Date | string }>(
    'select name, assumptions, updated_at as "updatedAt" from org_scenarios where name = $1',
    [name],
  );
  return row && toScenario(row);
}

export async function listScenarios(db: Queryable): Promise<OrgScenario[]> {
  const rows = await db.query<{ name: string; assumptions: unknown; updatedAt: Date | string }>(
    'select name, assumptions, updated_at as "updatedAt" from org_scenarios order by name',
  );
  return rows.map(toScenario);
}

/** Sets the target role of a team (people with no target of their own aim at it). */
export async function setTeamTarget(db: Queryable, team: string, target: string): Promise<void> {
  await db.query(
    'insert into org_team_targets (team, target) values ($1, $2) on conflict (team) do update set target = excluded.target',
    [team, target],
  );
}

export function listTeamTargets(db: Queryable): Promise<{ team: string; target: string }[]> {
  return db.query('select team, target from org_team_targets order by team');
}

/** The O*NET work activities (DWA ids) of these occupations, for the shared-tasks part of mobility. */
export async function listOccupationActivities(
  db: Queryable,
  codes: readonly string[],
): Promise<Map<string, Set<string>>> {
  const rows = await db.query<{ code: string; dwaId: string }>(
    'select distinct code, dwa_id as "dwaId" from task_dwas where code = any($1)',
    [codes],
  );
  const out = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = out.get(row.code);
    if (set) set.add(row.dwaId);
    else out.set(row.code, new Set([row.dwaId]));
  }
  return out;
}
