import type { ObservedLevel } from '../domain/exposure/index.js';
import type { Queryable } from './database.js';

export interface ObservedTaskRow {
  taskId: number;
  level: ObservedLevel;
  pct: number | null;
  percentile: number | null;
  via: 'statement' | 'task-id' | null;
}

export interface ActivityUseRow {
  iwa: string;
  title: string;
  shareUser: number | null;
  shareAi: number | null;
  completionUser: number | null;
  completionAi: number | null;
  scopeUser: number | null;
  scopeAi: number | null;
}

/** Observed use of each task of an occupation, as matched at load time (empty when the source is not loaded). */
export function listObservedTaskUse(db: Queryable, code: string): Promise<ObservedTaskRow[]> {
  return db.query(
    'select task_id as "taskId", level, pct, percentile, via from observed_task_use where code = $1 order by task_id',
    [code],
  );
}

/** The work activities (IWAs) each task of an occupation is linked to in O*NET (Tasks → DWAs → IWAs). */
export function listTaskActivities(db: Queryable, code: string): Promise<{ taskId: number; iwa: string }[]> {
  return db.query(
    `select distinct td.task_id as "taskId", d.iwa_id as iwa
     from task_dwas td join dwas d on d.dwa_id = td.dwa_id
     where td.code = $1 order by 1, 2`,
    [code],
  );
}

/** Observed use of work activities (Microsoft's Copilot conversations); null figures where not loaded. */
export function listActivityUse(db: Queryable, iwas: readonly string[]): Promise<ActivityUseRow[]> {
  return db.query(
    `select i.iwa_id as iwa, i.title, a.share_user as "shareUser", a.share_ai as "shareAi",
       a.completion_user as "completionUser", a.completion_ai as "completionAi",
       a.scope_user as "scopeUser", a.scope_ai as "scopeAi"
     from iwas i left join activity_observed_use a on a.iwa_id = i.iwa_id
     where i.iwa_id = any($1::text[]) order by i.iwa_id`,
    [iwas],
  );
}

/** Every work activity with the titles of its detailed activities: the words the guidance index matches on. */
export function listActivityDescriptions(
  db: Queryable,
): Promise<{ iwa: string; title: string; dwaTitles: string[] }[]> {
  return db.query(
    `select i.iwa_id as iwa, i.title, coalesce(array_agg(d.title order by d.dwa_id) filter (where d.title is not null), '{}') as "dwaTitles"
     from iwas i left join dwas d on d.iwa_id = i.iwa_id group by i.iwa_id, i.title order by i.iwa_id`,
  );
}

/** The occupation's AI applicability score (0–1) and its percentile among the 785 scored occupations. */
export async function findApplicability(
  db: Queryable,
  soc: string,
): Promise<{ soc: string; title: string; score: number; percentile: number } | undefined> {
  const [row] = await db.query<{ soc: string; title: string; score: number; percentile: number }>(
    'select soc, title, score, percentile from occupation_applicability where soc = $1',
    [soc],
  );
  return row;
}

/** The occupation's work-activity weights (O*NET 29.0 task relevance × importance, per Microsoft's release). */
export function listActivityWeights(db: Queryable, soc: string): Promise<{ iwa: string; weight: number }[]> {
  return db.query('select iwa_id as iwa, weight from occupation_activity_weights where soc = $1 order by iwa_id', [
    soc,
  ]);
}
