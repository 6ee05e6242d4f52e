import type { Queryable } from './database.js';

type Example = { example: string; commodityCode: number; commodityTitle: string };

/** Distinct O*NET technology examples with their commodity, for the extraction vocabulary. */
export function listTechnologyExamples(db: Queryable): Promise<Example[]> {
  return db.query(
    'select distinct example, commodity_code as "commodityCode", commodity_title as "commodityTitle" ' +
      'from technology_skills order by example',
  );
}

/** Distinct O*NET tool examples with their commodity. */
export function listToolExamples(db: Queryable): Promise<Example[]> {
  return db.query(
    'select distinct example, commodity_code as "commodityCode", commodity_title as "commodityTitle" from tools_used order by example',
  );
}

/** O*NET skill and knowledge elements (Content Model 2.A, 2.B, 2.C leaves). */
export function listSkillElements(db: Queryable): Promise<{ elementId: string; name: string }[]> {
  return db.query(
    `select element_id as "elementId", name from content_model where element_id ~ '^2\\.[ABC]\\.[0-9]+\\.[a-z]$' order by element_id`,
  );
}

export interface StoredEscoSkill {
  uri: string | null;
  label: string;
  synonyms: string[];
  skillType: string | null;
  description: string | null;
  collections: string[];
}

/** The loaded ESCO skills, in load order (the export's order). */
export function listEscoSkills(db: Queryable): Promise<StoredEscoSkill[]> {
  return db.query(
    'select uri, label, synonyms, skill_type as "skillType", description, collections from esco_skills order by position',
  );
}

/** Every task statement, for telling ordinary words from product names. */
export async function listTaskStatements(db: Queryable): Promise<string[]> {
  return (await db.query<{ statement: string }>('select statement from tasks')).map((row) => row.statement);
}
