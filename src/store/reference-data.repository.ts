import type { Database, Queryable, SqlValue } from './database.js';

type ColumnType = 'text' | 'int' | 'float8' | 'bool';

/** A table's new contents, column by column, as the loader prepared them. */
export interface TableContents {
  table: string;
  columns: readonly (readonly [name: string, type: ColumnType])[];
  rows: readonly (readonly (string | number | boolean | null)[])[];
}

export interface SourceProvenance {
  source: string;
  version: string;
  location: string;
  files: { name: string; sha256: string; rows: number }[];
}

export interface LoadedSource extends SourceProvenance {
  loadedAt: string;
}

/** Reference tables, in the order they are cleared and refilled. */
export const REFERENCE_TABLES = [
  'occupations',
  'alternate_titles',
  'reported_titles',
  'tasks',
  'iwas',
  'dwas',
  'task_dwas',
  'technology_skills',
  'tools_used',
  'related_occupations',
  'job_zone_names',
  'education',
  'education_categories',
  'element_ratings',
  'content_model',
  'occupation_exposure',
  'published_exposure',
  'wages',
  'observed_task_use',
  'activity_observed_use',
  'occupation_applicability',
  'occupation_activity_weights',
  'employment_projections',
  'data_sources',
] as const;

const BATCH_ROWS = 5000;

async function insertTable(tx: Queryable, contents: TableContents): Promise<void> {
  const names = contents.columns.map(([name]) => name).join(', ');
  // One array parameter per column: a batch of thousands of rows is a single parameterised statement.
  const arrays = contents.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const sql = `insert into ${contents.table} (${names}) select * from unnest(${arrays})`;
  for (let start = 0; start < contents.rows.length; start += BATCH_ROWS) {
    const batch = contents.rows.slice(start, start + BATCH_ROWS);
    const params = contents.columns.map((_, column) => batch.map((row) => row[column] ?? null)) as SqlValue[];
    await tx.query(sql, params);
  }
}

/**
 * Replaces all reference data in one transaction: a failure at any point (or a killed process)
 * leaves the previous data exactly as it was.
 */
export async function replaceReferenceData(
  database: Database,
  tables: readonly TableContents[],
  sources: readonly SourceProvenance[],
  onTable: (table: string, rows: number) => void = () => undefined,
): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.exec(`truncate ${REFERENCE_TABLES.filter((table) => table !== 'data_sources').join(', ')}`);
    await tx.query("delete from data_sources where source <> 'esco'");
    for (const contents of tables) {
      await insertTable(tx, contents);
      onTable(contents.table, contents.rows.length);
    }
    for (const source of sources) {
      await tx.query(
        'insert into data_sources (source, version, location, loaded_at, files) values ($1, $2, $3, now(), $4::jsonb)',
        [source.source, source.version, source.location, JSON.stringify(source.files)],
      );
    }
  });
}

/** What is loaded, from where, when. */
export async function readLoadedSources(database: Queryable): Promise<LoadedSource[]> {
  const rows = await database.query<{
    source: string;
    version: string;
    location: string;
    loaded_at: Date | string;
    files: SourceProvenance['files'] | string;
  }>('select source, version, location, loaded_at, files from data_sources order by source');
  return rows.map((row) => ({
    source: row.source,
    version: row.version,
    location: row.location,
    loadedAt: new Date(row.loaded_at).toISOString(),
    files: typeof row.files === 'string' ? (JSON.parse(row.files) as SourceProvenance['files']) : row.files,
  }));
}

/** Row count of every reference table. */
export async function countReferenceRows(database: Queryable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of REFERENCE_TABLES) {
    const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

/** Replaces the ESCO skills and their relations (kept apart from O*NET: reloading one leaves the other alone). */
export async function replaceEscoSkills(
  database: Database,
  skills: readonly {
    uri: string | null;
    label: string;
    synonyms: string[];
    skillType: string | null;
    description: string | null;
    collections: string[];
  }[],
  relations: readonly { skillUri: string; relatedUri: string; relationType: string }[],
  source: SourceProvenance,
): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.query('delete from esco_skills');
    await tx.query('delete from esco_skill_relations');
    for (let start = 0; start < skills.length; start += BATCH_ROWS) {
      const batch = skills.slice(start, start + BATCH_ROWS);
      // Lists travel as JSON: arrays of arrays do not fit unnest's one-dimensional parameters.
      await tx.query(
        `insert into esco_skills (uri, label, synonyms, skill_type, description, collections, position)
         select u, l, array(select jsonb_array_elements_text(s::jsonb)), t, d,
           array(select jsonb_array_elements_text(c::jsonb)), p
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
           as x(u, l, s, t, d, c, p)`,
        [
          batch.map((s) => s.uri),
          batch.map((s) => s.label),
          batch.map((s) => JSON.stringify(s.synonyms)),
          batch.map((s) => s.skillType),
          batch.map((s) => s.description),
          batch.map((s) => JSON.stringify(s.collections)),
          batch.map((_, i) => start + i),
        ],
      );
    }
    for (let start = 0; start < relations.length; start += BATCH_ROWS) {
      const batch = relations.slice(start, start + BATCH_ROWS);
      await tx.query(
        `insert into esco_skill_relations (skill_uri, related_uri, relation_type)
         select * from unnest($1::text[], $2::text[], $3::text[])`,
        [batch.map((r) => r.skillUri), batch.map((r) => r.relatedUri), batch.map((r) => r.relationType)],
      );
    }
    await tx.query('delete from data_sources where source = $1', [source.source]);
    await tx.query(
      'insert into data_sources (source, version, location, loaded_at, files) values ($1, $2, $3, now(), $4::jsonb)',
      [source.source, source.version, source.location, JSON.stringify(source.files)],
    );
  });
}
