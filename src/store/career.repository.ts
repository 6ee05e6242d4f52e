import type { Queryable } from './database.js';

/** BLS projected employment change 2020–30 (%) for the SOC occupation, when published. */
export async function findProjection(
  db: Queryable,
  soc: string,
): Promise<{ soc: string; title: string; pctChange: number } | undefined> {
  const [row] = await db.query<{ soc: string; title: string; pctChange: number }>(
    'select soc, title, pct_change as "pctChange" from employment_projections where soc = $1',
    [soc],
  );
  return row;
}

export interface EducationRow {
  elementId: string;
  elementName: string;
  scaleId: string;
  category: number | null;
  description: string | null;
  value: number;
}

/**
 * The occupation's Education, Training and Experience ratings (O*NET): for each element (required
 * education, related work experience, on-site and on-the-job training) the share of workers per
 * category, and the importance of a professional certification.
 */
export function listEducation(db: Queryable, code: string): Promise<EducationRow[]> {
  return db.query(
    `select e.element_id as "elementId", e.element_name as "elementName", e.scale_id as "scaleId", e.category,
       c.description, e.value
     from education e left join education_categories c
       on c.element_id = e.element_id and c.scale_id = e.scale_id and c.category = e.category
     where e.code = $1 order by e.element_id, e.category`,
    [code],
  );
}

/** The occupation's O*NET Skills and Knowledge level ratings (scale LV, 0–7), where loaded. */
export function listLevelRatings(
  db: Queryable,
  code: string,
): Promise<{ elementName: string; scaleId: string; value: number }[]> {
  return db.query(
    `select element_name as "elementName", scale_id as "scaleId", value
     from element_ratings where code = $1 and scale_id = 'LV' order by element_id`,
    [code],
  );
}
