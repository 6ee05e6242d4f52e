import type { ExposureLabel, AutomationLabel, ExposureScores } from '../domain/exposure/index.js';
import type { Queryable } from './database.js';

export interface OccupationRow {
  code: string;
  title: string;
  description: string;
  jobZone: number | null;
  jobZoneName: string | null;
}

export interface TaskRow {
  taskId: number;
  statement: string;
  taskType: 'Core' | 'Supplemental' | null;
  importance: number | null;
  human: ExposureLabel | null;
  gpt4: ExposureLabel | null;
  gpt4Automation: AutomationLabel | null;
  humanAutomation: AutomationLabel | null;
}

export interface OccupationExposureRow {
  code: string;
  human: ExposureScores | null;
  gpt4: ExposureScores | null;
  labelledTasks: number;
  unlabelledTasks: number;
}

/** Every occupation's code and title, for the title index. */
export function listOccupationNames(db: Queryable): Promise<{ code: string; title: string }[]> {
  return db.query('select code, title from occupations order by code');
}

/** Every occupation with its US employment (BLS, by the SOC code's first 7 characters) when known. */
export function listOccupationEmployment(
  db: Queryable,
): Promise<{ code: string; title: string; employment: number | null }[]> {
  return db.query(
    'select o.code, o.title, w.employment from occupations o left join wages w on w.soc = left(o.code, 7) order by o.code',
  );
}

/** Every alternate, short and reported title, for the title index. */
export function listTitles(db: Queryable): Promise<{ code: string; title: string }[]> {
  return db.query(`
    select code, title from alternate_titles
    union all select code, short_title as title from alternate_titles where short_title is not null
    union all select code, title from reported_titles`);
}

/** O*NET's closest relations between occupations (its Primary-Short tier), for the title index. */
export function listCloseRelations(db: Queryable): Promise<{ code: string; relatedCode: string }[]> {
  return db.query(`
    select code, related_code as "relatedCode" from related_occupations
    where tier = 'Primary-Short' order by code, rank`);
}

/** Each occupation's description and task statements as one text, for words no title uses. */
export function listOccupationContexts(db: Queryable): Promise<{ code: string; text: string }[]> {
  return db.query(`
    select o.code, o.description || ' ' || coalesce(string_agg(t.statement, ' ' order by t.task_id), '') as text
    from occupations o left join tasks t on t.code = o.code
    group by o.code, o.description`);
}

export async function findOccupation(db: Queryable, code: string): Promise<OccupationRow | undefined> {
  const [row] = await db.query<OccupationRow>(
    `select o.code, o.title, o.description, o.job_zone as "jobZone", z.name as "jobZoneName"
     from occupations o left join job_zone_names z on z.job_zone = o.job_zone where o.code = $1`,
    [code],
  );
  return row;
}

export function listTasks(db: Queryable, code: string): Promise<TaskRow[]> {
  return db.query(
    `select task_id as "taskId", statement, task_type as "taskType", importance, human_exposure as human, gpt4_exposure as gpt4,
            gpt4_automation as "gpt4Automation", human_automation as "humanAutomation"
     from tasks where code = $1 order by (task_type = 'Core') desc nulls last, importance desc nulls last, task_id`,
    [code],
  );
}

export function listWorkActivities(
  db: Queryable,
  code: string,
): Promise<{ dwaId: string; title: string; tasks: number }[]> {
  return db.query(
    `select d.dwa_id as "dwaId", d.title, count(*)::int as tasks
     from task_dwas td join dwas d on d.dwa_id = td.dwa_id where td.code = $1
     group by d.dwa_id, d.title order by tasks desc, d.title`,
    [code],
  );
}

export function listTechnologySkills(
  db: Queryable,
  code: string,
): Promise<{ example: string; commodityTitle: string; hot: boolean; inDemand: boolean | null }[]> {
  return db.query(
    `select example, commodity_title as "commodityTitle", hot, in_demand as "inDemand"
     from technology_skills where code = $1 order by hot desc, in_demand desc nulls last, example`,
    [code],
  );
}

export function listRelatedOccupations(
  db: Queryable,
  code: string,
): Promise<{ code: string; title: string; tier: string }[]> {
  return db.query(
    `select r.related_code as code, o.title, r.tier
     from related_occupations r join occupations o on o.code = r.related_code where r.code = $1 order by r.rank`,
    [code],
  );
}

function toScores(alpha: number | null, beta: number | null, gamma: number | null): ExposureScores | null {
  return alpha === null || beta === null || gamma === null ? null : { alpha, beta, gamma };
}

type ExposureColumns = {
  code: string;
  ha: number | null;
  hb: number | null;
  hg: number | null;
  ga: number | null;
  gb: number | null;
  gg: number | null;
  labelled: number;
  unlabelled: number;
};

const EXPOSURE_SELECT = `select code, human_alpha as ha, human_beta as hb, human_gamma as hg,
  gpt4_alpha as ga, gpt4_beta as gb, gpt4_gamma as gg,
  labelled_tasks as labelled, unlabelled_tasks as unlabelled from occupation_exposure`;

function toExposureRow(row: ExposureColumns): OccupationExposureRow {
  return {
    code: row.code,
    human: toScores(row.ha, row.hb, row.hg),
    gpt4: toScores(row.ga, row.gb, row.gg),
    labelledTasks: row.labelled,
    unlabelledTasks: row.unlabelled,
  };
}

/** The computed exposure of every occupation, for percentiles. */
export async function listOccupationExposures(db: Queryable): Promise<OccupationExposureRow[]> {
  return (await db.query<ExposureColumns>(EXPOSURE_SELECT)).map(toExposureRow);
}

export async function findOccupationExposure(db: Queryable, code: string): Promise<OccupationExposureRow | undefined> {
  const [row] = await db.query<ExposureColumns>(`${EXPOSURE_SELECT} where code = $1`, [code]);
  return row && toExposureRow(row);
}

export async function findPublishedExposure(
  db: Queryable,
  code: string,
): Promise<{ human: ExposureScores; gpt4: ExposureScores } | undefined> {
  const [row] = await db.query<Omit<ExposureColumns, 'labelled' | 'unlabelled'>>(
    `select code, human_alpha as ha, human_beta as hb, human_gamma as hg, gpt4_alpha as ga, gpt4_beta ` +
      `as gb, gpt4_gamma as gg from published_exposure where code = $1`,
    [code],
  );
  return row && { human: toScores(row.ha, row.hb, row.hg)!, gpt4: toScores(row.ga, row.gb, row.gg)! };
}

/** BLS employment and median wage for the occupation's SOC code (the first 7 characters of the O*NET-SOC code). */
export async function findWage(
  db: Queryable,
  code: string,
): Promise<
  | { soc: string; title: string; employment: number | null; medianAnnual: number | null; medianHourly: number | null }
  | undefined
> {
  const [row] = await db.query<{
    soc: string;
    title: string;
    employment: number | null;
    medianAnnual: number | null;
    medianHourly: number | null;
  }>(
    `select soc, title, employment, median_annual as "medianAnnual", median_hourly as "medianHourly" from wages where soc = $1`,
    [code.slice(0, 7)],
  );
  return row;
}
