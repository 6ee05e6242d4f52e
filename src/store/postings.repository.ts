import type { PostingDraft, PostingRecord } from '../domain/market/posting-record.js';
import type { Database, Queryable } from './database.js';

export type { PostingRecord } from '../domain/market/posting-record.js';

/** One month of an already-aggregated term series such as hn-hiringtrends. */
export interface TermCountRow {
  series: string;
  /** 'YYYY-MM' */
  month: string;
  term: string;
  rule: string | null;
  posts: number;
  mentions: number;
}

export interface PostingImportRun {
  id: number;
  dataset: string;
  file: string;
  fileFingerprint: string;
  layout: string;
  status: 'running' | 'done' | 'failed';
  rowsRead: number;
  rowsKept: number;
  duplicates: number;
  badRows: number;
  resumeLine: number;
  startedAt: string;
  finishedAt: string | null;
}

/** A row an import could not use: where it is, which field, and why. */
export interface PostingImportError {
  line: number;
  field: string | null;
  message: string;
}

/** How far an import has come after a batch: the counts are totals since the run began. */
export interface ImportProgress {
  rowsRead: number;
  rowsKept: number;
  duplicates: number;
  badRows: number;
  /** The last source line the batch covers: a resumed run skips lines up to and including it. */
  resumeLine: number;
}

/** Inserts a batch in one transaction; returns how many were new (duplicates by content_hash or (dataset, external_id) are skipped). */
export async function savePostings(
  db: Database,
  importId: number | null,
  batch: PostingRecord[],
): Promise<{ kept: number; duplicates: number }> {
  if (batch.length === 0) return { kept: 0, duplicates: 0 };
  return db.transaction((tx) => insertPostings(tx, importId, batch, db.kind === 'postgres'));
}

/**
 * Stores a batch of postings, its bad rows and the run's progress in one transaction, so a run
 * killed at any moment resumes after the last batch that is wholly stored and counts nothing twice.
 */
export async function saveImportBatch(
  db: Database,
  importId: number,
  batch: PostingRecord[],
  errors: PostingImportError[],
  progress: (saved: { kept: number; duplicates: number }) => ImportProgress,
): Promise<ImportProgress> {
  return db.transaction(async (tx) => {
    const saved =
      batch.length > 0 ? await insertPostings(tx, importId, batch, db.kind === 'postgres') : { kept: 0, duplicates: 0 };
    await insertImportErrors(tx, importId, errors);
    const totals = progress(saved);
    await tx.query(
      `update posting_imports set rows_read = $2, rows_kept = $3, duplicates = $4, bad_rows = $5, resume_line = $6
       where id = $1`,
      [importId, totals.rowsRead, totals.rowsKept, totals.duplicates, totals.badRows, totals.resumeLine],
    );
    return totals;
  });
}

/** Batches this large go through COPY on a server; smaller ones are not worth the staging table. */
const COPY_FROM_ROWS = 50;

async function insertPostings(
  tx: Queryable,
  importId: number | null,
  batch: PostingRecord[],
  server: boolean,
): Promise<{ kept: number; duplicates: number }> {
  if (server && tx.copyFrom && batch.length >= COPY_FROM_ROWS) return copyPostings(tx, importId, batch);
  const column = <T>(pick: (record: PostingRecord) => T): T[] => batch.map(pick);
  // One statement per batch (arrays unnested server-side) rather than one round trip per posting.
  // ON CONFLICT DO NOTHING without a target skips both the content-hash and the (dataset, id) duplicates,
  // including duplicates inside the batch itself.
  const inserted = await tx.query<{ id: string; hash: string }>(
    `insert into postings (dataset, external_id, content_hash, posted_month, posted_on, title, company, location,
       remote, seniority, salary_min, salary_max, salary_currency, salary_period, occupation_code, occupation_score,
       import_id)
     select d, e, h, (m || '-01')::date, o::date, t, c, l, r, s, smin, smax, scur, sper, occ, osc, $17::bigint
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::numeric[], $12::numeric[], $13::text[], $14::text[], $15::text[], $16::real[])
       as u(d, e, h, m, o, t, c, l, r, s, smin, smax, scur, sper, occ, osc)
     on conflict do nothing
     returning id::text as id, content_hash as hash`,
    [
      column((p) => p.dataset),
      column((p) => p.externalId),
      column((p) => p.contentHash),
      column((p) => p.postedMonth),
      column((p) => p.postedOn),
      column((p) => p.title),
      column((p) => p.company),
      column((p) => p.location),
      column((p) => p.remote),
      column((p) => p.seniority),
      column((p) => p.salary?.min ?? null),
      column((p) => p.salary?.max ?? null),
      column((p) => p.salary?.currency ?? null),
      column((p) => p.salary?.period ?? null),
      column((p) => p.occupationCode),
      column((p) => p.occupationScore),
      importId,
    ],
  );
  const idOfHash = new Map(inserted.map((row) => [row.hash, row.id]));
  const ids: string[] = [];
  const skillIds: string[] = [];
  const labels: string[] = [];
  const kinds: string[] = [];
  const escoUris: (string | null)[] = [];
  for (const posting of batch) {
    const id = idOfHash.get(posting.contentHash);
    if (id === undefined) continue;
    // A batch may hold the same text twice: only the copy that was inserted gives its skills.
    idOfHash.delete(posting.contentHash);
    const seen = new Set<string>();
    for (const skill of posting.skills) {
      if (seen.has(skill.skillId)) continue;
      seen.add(skill.skillId);
      ids.push(id);
      skillIds.push(skill.skillId);
      labels.push(skill.label);
      kinds.push(skill.kind);
      escoUris.push(skill.escoUri);
    }
  }
  if (ids.length > 0) {
    await tx.query(
      `insert into posting_skills (posting_id, skill_id, label, kind, esco_uri)
       select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [ids, skillIds, labels, kinds, escoUris],
    );
  }
  return { kept: inserted.length, duplicates: batch.length - inserted.length };
}

/** Stores bad rows of a run (the term-series import keeps its own totals). */
export async function savePostingImportErrors(
  db: Queryable,
  importId: number,
  errors: PostingImportError[],
): Promise<void> {
  await insertImportErrors(db, importId, errors);
}

/** Sets a run's totals (for imports that are not batches of postings). */
export async function setPostingImportTotals(db: Queryable, importId: number, totals: ImportProgress): Promise<void> {
  await db.query(
    `update posting_imports set rows_read = $2, rows_kept = $3, duplicates = $4, bad_rows = $5, resume_line = $6
     where id = $1`,
    [importId, totals.rowsRead, totals.rowsKept, totals.duplicates, totals.badRows, totals.resumeLine],
  );
}

/** A value in COPY's text format: backslash, tab and line breaks escaped, null as \\N. */
function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/**
 * The server's bulk path: the batch is COPYed into a staging table (skills as JSON beside each
 * posting), then one statement moves the new postings and their skills across, skipping duplicates
 * exactly as the INSERT path does.
 */
async function copyPostings(
  tx: Queryable,
  importId: number | null,
  batch: PostingRecord[],
): Promise<{ kept: number; duplicates: number }> {
  await tx.query(
    `create temp table if not exists posting_stage (
       ord int, dataset text, external_id text, content_hash text, posted_month text, posted_on text, title text,
       company text, location text, remote text, seniority text, salary_min numeric, salary_max numeric,
       salary_currency text, salary_period text, occupation_code text, occupation_score real, skills jsonb
     ) on commit delete rows`,
  );
  const lines = batch.map((p, ord) =>
    [
      ord,
      p.dataset,
      p.externalId,
      p.contentHash,
      p.postedMonth,
      p.postedOn,
      p.title,
      p.company,
      p.location,
      p.remote,
      p.seniority,
      p.salary?.min ?? null,
      p.salary?.max ?? null,
      p.salary?.currency ?? null,
      p.salary?.period ?? null,
      p.occupationCode,
      p.occupationScore,
      JSON.stringify(p.skills.map((k) => ({ skill_id: k.skillId, label: k.label, kind: k.kind, esco_uri: k.escoUri }))),
    ]
      .map(copyValue)
      .join('\t'),
  );
  await tx.copyFrom!('copy posting_stage from stdin', `${lines.join('\n')}\n`);
  const [moved] = await tx.query<{ kept: number }>(
    `with firsts as (select distinct on (content_hash) * from posting_stage order by content_hash, ord),
     ins as (
       insert into postings (dataset, external_id, content_hash, posted_month, posted_on, title, company, location,
         remote, seniority, salary_min, salary_max, salary_currency, salary_period, occupation_code, occupation_score,
         import_id)
       select dataset, external_id, content_hash, (posted_month || '-01')::date, posted_on::date, title, company,
         location, remote, seniority, salary_min, salary_max, salary_currency, salary_period, occupation_code,
         occupation_score, $1::bigint
       from firsts order by ord
       on conflict do nothing
       returning id, content_hash),
     skills as (
       insert into posting_skills (posting_id, skill_id, label, kind, esco_uri)
       select distinct on (ins.id, k.skill_id) ins.id, k.skill_id, k.label, k.kind, k.esco_uri
       from ins join firsts st on st.content_hash = ins.content_hash
         cross join lateral jsonb_to_recordset(st.skills) as k(skill_id text, label text, kind text, esco_uri text)
       returning 1)
     select (select count(*) from ins)::int as kept, (select count(*) from skills)::int as skills`,
    [importId],
  );
  await tx.query('truncate posting_stage');
  return { kept: moved!.kept, duplicates: batch.length - moved!.kept };
}

async function insertImportErrors(tx: Queryable, importId: number, errors: PostingImportError[]): Promise<void> {
  if (errors.length === 0) return;
  await tx.query(
    `insert into posting_import_errors (import_id, line, field, message)
     select $1::bigint, * from unnest($2::bigint[], $3::text[], $4::text[])`,
    [importId, errors.map((e) => e.line), errors.map((e) => e.field), errors.map((e) => e.message)],
  );
}

/** Stores (or replaces) months of a term series; returns how many rows were written. */
export async function saveTermCounts(db: Database, rows: TermCountRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction(async (tx) => {
    const written = await tx.query<{ term: string }>(
      `insert into posting_term_counts (series, month, term, rule, posts, mentions)
       select s, (m || '-01')::date, t, r, p, n
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) as u(s, m, t, r, p, n)
       on conflict (series, month, term) do update
         set rule = excluded.rule, posts = excluded.posts, mentions = excluded.mentions
       returning term`,
      [
        rows.map((r) => r.series),
        rows.map((r) => r.month),
        rows.map((r) => r.term),
        rows.map((r) => r.rule),
        rows.map((r) => r.posts),
        rows.map((r) => r.mentions),
      ],
    );
    return written.length;
  });
}

const RUN_COLUMNS = `id::int as id, dataset, file, file_fingerprint as "fileFingerprint", layout, status,
  rows_read::int as "rowsRead", rows_kept::int as "rowsKept", duplicates::int as duplicates,
  bad_rows::int as "badRows", resume_line::int as "resumeLine",
  to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
  to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "finishedAt"`;

/** Starts a run for a file, or returns the unfinished run of the same file (same fingerprint) to resume it. */
export async function startPostingImport(
  db: Database,
  run: { dataset: string; file: string; fileFingerprint: string; layout: string },
): Promise<{ run: PostingImportRun; resumed: boolean }> {
  return db.transaction(async (tx) => {
    // Two processes starting the same file must not both create a run for it.
    await tx.query('select pg_advisory_xact_lock(7412)');
    const [open] = await tx.query<PostingImportRun>(
      `select ${RUN_COLUMNS} from posting_imports
       where file_fingerprint = $1 and layout = $2 and dataset = $3 and status in ('running', 'failed')
       order by id desc limit 1`,
      [run.fileFingerprint, run.layout, run.dataset],
    );
    if (open) {
      const [again] = await tx.query<PostingImportRun>(
        `update posting_imports set status = 'running', finished_at = null, file = $2 where id = $1
         returning ${RUN_COLUMNS}`,
        [open.id, run.file],
      );
      return { run: again!, resumed: true };
    }
    const [created] = await tx.query<PostingImportRun>(
      `insert into posting_imports (dataset, file, file_fingerprint, layout, status) values ($1, $2, $3, $4, 'running')
       returning ${RUN_COLUMNS}`,
      [run.dataset, run.file, run.fileFingerprint, run.layout],
    );
    return { run: created!, resumed: false };
  });
}

/** Marks a run done (or failed) and returns it as stored. */
export async function finishPostingImport(
  db: Queryable,
  importId: number,
  status: 'done' | 'failed',
): Promise<PostingImportRun> {
  const [run] = await db.query<PostingImportRun>(
    `update posting_imports set status = $2, finished_at = now() where id = $1 returning ${RUN_COLUMNS}`,
    [importId, status],
  );
  return run!;
}

/** One import run, or undefined. */
export async function findPostingImport(db: Queryable, importId: number): Promise<PostingImportRun | undefined> {
  const [run] = await db.query<PostingImportRun>(`select ${RUN_COLUMNS} from posting_imports where id = $1`, [
    importId,
  ]);
  return run;
}

/** Every import run, newest first. */
export function listPostingImports(db: Queryable): Promise<PostingImportRun[]> {
  return db.query(`select ${RUN_COLUMNS} from posting_imports order by id desc`);
}

/** The bad rows a run met, in file order (at most `limit`). */
export function listPostingImportErrors(db: Queryable, importId: number, limit = 1000): Promise<PostingImportError[]> {
  return db.query(
    `select line::int as line, field, message from posting_import_errors where import_id = $1
     order by line, field limit $2`,
    [importId, limit],
  );
}

/** How many postings are stored, in all and per dataset. */
export async function countPostings(db: Queryable): Promise<{ total: number; byDataset: Record<string, number> }> {
  const rows = await db.query<{ dataset: string; n: number }>(
    'select dataset, count(*)::int as n from postings group by dataset order by dataset',
  );
  return {
    total: rows.reduce((sum, row) => sum + row.n, 0),
    byDataset: Object.fromEntries(rows.map((row) => [row.dataset, row.n])),
  };
}

/** A stored posting with its skills, by the source's id (for checks and the CLI's `postings show`). */
export async function findPostingByExternalId(
  db: Queryable,
  dataset: string,
  externalId: string,
): Promise<(PostingRecord & { id: number; importId: number | null }) | undefined> {
  const [row] = await db.query<{
    id: number;
    dataset: string;
    externalId: string | null;
    contentHash: string;
    postedMonth: string;
    postedOn: string | null;
    title: string;
    company: string | null;
    location: string | null;
    remote: PostingRecord['remote'];
    seniority: PostingRecord['seniority'];
    salaryMin: number | null;
    salaryMax: number | null;
    salaryCurrency: string | null;
    salaryPeriod: 'year' | 'month' | 'hour' | null;
    occupationCode: string | null;
    occupationScore: number | null;
    importId: number | null;
  }>(
    `select id::int as id, dataset, external_id as "externalId", content_hash as "contentHash",
       to_char(posted_month, 'YYYY-MM') as "postedMonth", to_char(posted_on, 'YYYY-MM-DD') as "postedOn",
       title, company, location, remote, seniority, salary_min::float8 as "salaryMin", salary_max::float8 as "salaryMax",
       salary_currency as "salaryCurrency", salary_period as "salaryPeriod", occupation_code as "occupationCode",
       occupation_score::float8 as "occupationScore", import_id::int as "importId"
     from postings where dataset = $1 and external_id = $2`,
    [dataset, externalId],
  );
  if (!row) return undefined;
  const skills = await db.query<PostingRecord['skills'][number]>(
    `select skill_id as "skillId", label, kind, esco_uri as "escoUri" from posting_skills where posting_id = $1
     order by skill_id`,
    [row.id],
  );
  const { salaryMin, salaryMax, salaryCurrency, salaryPeriod, ...rest } = row;
  return {
    ...rest,
    salary:
      salaryMin !== null && salaryMax !== null && salaryCurrency !== null && salaryPeriod !== null
        ? { min: salaryMin, max: salaryMax, currency: salaryCurrency, period: salaryPeriod }
        : null,
    skills,
  };
}

/** A term series month by month (for checks and the market analytics). */
export function listTermCounts(
  db: Queryable,
  series: string,
  term: string,
): Promise<{ month: string; posts: number; mentions: number; rule: string | null }[]> {
  return db.query(
    `select to_char(month, 'YYYY-MM') as month, posts, mentions, rule from posting_term_counts
     where series = $1 and term = $2 order by month`,
    [series, term],
  );
}

/** Words of a title that name AI work (PostgreSQL word-boundary regex, case-insensitive). */
export const AI_TITLE_PATTERN = '\\m(ai|ml|llms?|genai|machine learning|artificial intelligence)\\M';

/** A batch of lines of a file, put on the job queue for any worker process to read and store. */
export interface PostingChunk {
  importId: number;
  dataset: string;
  firstLine: number;
  lastLine: number;
  /** Rows the batch covers, good and bad. */
  rows: number;
  drafts: PostingDraft[];
  /** Rows already found bad while the file was read. */
  errors: PostingImportError[];
}

/** The job kind of a queued batch of postings. */
export const POSTING_CHUNK_JOB = 'postings.chunk';

/**
 * Puts a batch on the queue and moves the run's resume line past it, in one transaction: a killed
 * importer resumes after the last batch it queued, and no batch is queued twice.
 */
export async function enqueuePostingChunk(db: Database, chunk: PostingChunk): Promise<void> {
  await db.transaction(async (tx) => {
    const [fresh] = await tx.query<{ first: string }>(
      `insert into posting_import_chunks (import_id, first_line, last_line, rows, status)
       values ($1, $2, $3, $4, 'queued') on conflict do nothing returning first_line::text as first`,
      [chunk.importId, chunk.firstLine, chunk.lastLine, chunk.rows],
    );
    if (fresh) {
      await tx.query(`select graphile_worker.add_job($1, $2::json, max_attempts => 5, job_key => $3)`, [
        POSTING_CHUNK_JOB,
        JSON.stringify(chunk),
        `postings:${chunk.importId}:${chunk.firstLine}`,
      ]);
    }
    await tx.query('update posting_imports set resume_line = greatest(resume_line, $2) where id = $1', [
      chunk.importId,
      chunk.lastLine,
    ]);
  });
}

/**
 * Stores a queued batch's postings and bad rows, adds them to the run's totals and marks the batch
 * done, in one transaction; a batch already done (a job retried after it committed) stores nothing.
 */
export async function saveQueuedChunk(
  db: Database,
  chunk: Pick<PostingChunk, 'importId' | 'firstLine' | 'rows' | 'errors'>,
  records: PostingRecord[],
  worker: string,
): Promise<{ kept: number; duplicates: number } | 'already done'> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx.query<{ rows: number }>(
      `update posting_import_chunks set status = 'done', done_by = $3
       where import_id = $1 and first_line = $2 and status = 'queued' returning rows`,
      [chunk.importId, chunk.firstLine, worker],
    );
    if (!claimed) return 'already done' as const;
    const saved =
      records.length > 0
        ? await insertPostings(tx, chunk.importId, records, db.kind === 'postgres')
        : { kept: 0, duplicates: 0 };
    await insertImportErrors(tx, chunk.importId, chunk.errors);
    await tx.query(
      `update posting_imports set rows_read = rows_read + $2, rows_kept = rows_kept + $3, duplicates = duplicates + $4,
         bad_rows = bad_rows + $5 where id = $1`,
      [chunk.importId, chunk.rows, saved.kept, saved.duplicates, chunk.errors.length],
    );
    return saved;
  });
}

/** How many of a run's queued batches are not stored yet, and which workers stored the others. */
export async function queuedChunkState(
  db: Queryable,
  importId: number,
): Promise<{ waiting: number; done: number; workers: string[] }> {
  const rows = await db.query<{ status: string; done_by: string | null; n: number }>(
    `select status, done_by, count(*)::int as n from posting_import_chunks where import_id = $1 group by 1, 2`,
    [importId],
  );
  return {
    waiting: rows.filter((r) => r.status === 'queued').reduce((sum, r) => sum + r.n, 0),
    done: rows.filter((r) => r.status === 'done').reduce((sum, r) => sum + r.n, 0),
    workers: rows.flatMap((r) => (r.done_by ? [r.done_by] : [])).sort(),
  };
}

/** A queued batch of this run the queue gave up on (all attempts failed), with its last error. */
export async function findFailedPostingJob(
  db: Queryable,
  importId: number,
): Promise<{ key: string; lastError: string | null } | undefined> {
  const [job] = await db.query<{ key: string; lastError: string | null }>(
    `select key, last_error as "lastError" from graphile_worker.jobs
     where key like $1 and attempts >= max_attempts and locked_at is null limit 1`,
    [`postings:${importId}:%`],
  );
  return job;
}
