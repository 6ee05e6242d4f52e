import type { PlanPreferences } from '../domain/planning/learning-resource.js';
import type { ProgressRecord, ProgressStatus } from '../domain/planning/path-planner.js';
import type { SkillLevel } from '../domain/planning/skill-gaps.js';
import type { PersonRelation } from '../domain/access/index.js';
import type { Queryable } from './database.js';

/** A worker's saved situation: kept in the local store, never sent anywhere. */
export interface Profile {
  id: string;
  name: string;
  occupationCode: string;
  target: string;
  skills: { skillId: string; level: SkillLevel }[];
  hoursPerWeek: number;
  startDate: string;
  preferences: PlanPreferences;
  resumeText: string | null;
  /** The account whose profile it is on a team server; null on a personal store. */
  ownerId: string | null;
  createdAt: string;
}

type Row = Omit<Profile, 'skills' | 'preferences' | 'createdAt'> & {
  skills: Profile['skills'] | string;
  preferences: PlanPreferences | string;
  createdAt: Date | string;
};

const SELECT = `select id, name, occupation_code as "occupationCode", target, skills,
  hours_per_week as "hoursPerWeek", start_date as "startDate",
  preferences, resume_text as "resumeText", owner_id as "ownerId", created_at as "createdAt" from profiles`;

// pg parses jsonb; PGlite too, but be tolerant of either returning text.
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const toProfile = (row: Row): Profile => ({
  ...row,
  skills: json(row.skills),
  preferences: json(row.preferences),
  createdAt: new Date(row.createdAt).toISOString(),
});

export async function insertProfile(db: Queryable, profile: Omit<Profile, 'createdAt'>): Promise<Profile> {
  const [row] = await db.query<Row>(
    `insert into profiles (id, name, occupation_code, target, skills, hours_per_week, start_date, preferences,
       resume_text, owner_id)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9, $10)
     returning id, name, occupation_code as "occupationCode", target, skills,
       hours_per_week as "hoursPerWeek", start_date as "startDate", preferences, resume_text as "resumeText",
       owner_id as "ownerId", created_at as "createdAt"`,
    [
      profile.id,
      profile.name,
      profile.occupationCode,
      profile.target,
      JSON.stringify(profile.skills),
      profile.hoursPerWeek,
      profile.startDate,
      JSON.stringify(profile.preferences),
      profile.resumeText,
      profile.ownerId,
    ],
  );
  return toProfile(row!);
}

export async function listProfiles(db: Queryable): Promise<Profile[]> {
  return (await db.query<Row>(`${SELECT} order by created_at, id`)).map(toProfile);
}

/** Every profile with whose it is: its person's account and that person's manager. */
export async function listProfilesWithOwners(db: Queryable): Promise<(Profile & PersonRelation)[]> {
  const rows = await db.query<Row & { ownerManagerId: string | null }>(
    `select p.id, p.name, p.occupation_code as "occupationCode", p.target, p.skills,
       p.hours_per_week as "hoursPerWeek", p.start_date as "startDate", p.preferences,
       p.resume_text as "resumeText", p.owner_id as "ownerId", p.created_at as "createdAt",
       a.manager_id as "ownerManagerId"
     from profiles p left join accounts a on a.id = p.owner_id order by p.created_at, p.id`,
  );
  return rows.map((row) => ({ ...toProfile(row), ownerManagerId: row.ownerManagerId }));
}

/** Whose one profile is, or undefined when there is no such profile. */
export async function findPersonRelation(db: Queryable, id: string): Promise<PersonRelation | undefined> {
  const [row] = await db.query<PersonRelation>(
    `select p.owner_id as "ownerId", a.manager_id as "ownerManagerId"
     from profiles p left join accounts a on a.id = p.owner_id where p.id = $1`,
    [id],
  );
  return row;
}

/** Hands a profile to an account; false when there is no such profile. */
export async function setProfileOwner(db: Queryable, id: string, ownerId: string): Promise<boolean> {
  return (await db.query('update profiles set owner_id = $2 where id = $1 returning id', [id, ownerId])).length > 0;
}

/** Gives every profile without an owner (a personal store's) to an account; the count given. */
export async function adoptUnownedProfiles(db: Queryable, ownerId: string): Promise<number> {
  return (await db.query('update profiles set owner_id = $1 where owner_id is null returning id', [ownerId])).length;
}

/** An account's own profiles, with their progress (for the person's data export). */
export async function listOwnedProfiles(db: Queryable, ownerId: string): Promise<Profile[]> {
  return (await db.query<Row>(`${SELECT} where owner_id = $1 order by created_at, id`, [ownerId])).map(toProfile);
}

export async function findProfile(db: Queryable, id: string): Promise<Profile | undefined> {
  const [row] = await db.query<Row>(`${SELECT} where id = $1`, [id]);
  return row && toProfile(row);
}

export async function updateProfileSkills(db: Queryable, id: string, skills: Profile['skills']): Promise<void> {
  await db.query('update profiles set skills = $2::jsonb where id = $1', [id, JSON.stringify(skills)]);
}

/** The settings a worker may change after the start: what the plan is called, aims at, and the time it gets. */
export type ProfileSettings = Pick<Profile, 'name' | 'target' | 'hoursPerWeek' | 'preferences'>;

export async function updateProfileSettings(db: Queryable, id: string, settings: ProfileSettings): Promise<void> {
  await db.query(
    'update profiles set name = $2, target = $3, hours_per_week = $4, preferences = $5::jsonb where id = $1',
    [id, settings.name, settings.target, settings.hoursPerWeek, JSON.stringify(settings.preferences)],
  );
}

export async function deleteProfile(db: Queryable, id: string): Promise<boolean> {
  return (await db.query<{ id: string }>('delete from profiles where id = $1 returning id', [id])).length > 0;
}

/** Records (or corrects) the status of one step. */
export async function upsertProgress(db: Queryable, profileId: string, record: ProgressRecord): Promise<void> {
  await db.query(
    `insert into progress (profile_id, step_id, status, hours) values ($1, $2, $3, $4)
     on conflict (profile_id, step_id) do update set status = excluded.status, hours = excluded.hours, recorded_at = now()`,
    [profileId, record.stepId, record.status, record.hours ?? null],
  );
}

/** Forgets the progress on one step; false when there was none. */
export async function deleteProgress(db: Queryable, profileId: string, stepId: string): Promise<boolean> {
  const rows = await db.query('delete from progress where profile_id = $1 and step_id = $2 returning step_id', [
    profileId,
    stepId,
  ]);
  return rows.length > 0;
}

export async function listProgress(
  db: Queryable,
  profileId: string,
): Promise<(ProgressRecord & { recordedAt: string })[]> {
  const rows = await db.query<{
    stepId: string;
    status: ProgressStatus;
    hours: number | null;
    recordedAt: Date | string;
  }>(
    'select step_id as "stepId", status, hours, recorded_at as "recordedAt" from progress where ' +
      'profile_id = $1 order by recorded_at, step_id',
    [profileId],
  );
  return rows.map((row) => ({
    stepId: row.stepId,
    status: row.status,
    hours: row.hours ?? undefined,
    recordedAt: new Date(row.recordedAt).toISOString(),
  }));
}
