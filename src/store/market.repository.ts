import type { PeriodKind } from '../domain/market/periods.js';
import type { Queryable, SqlValue } from './database.js';

/** Which postings an analysis counts: every field optional; months are 'YYYY-MM', inclusive. */
export interface PostingFilter {
  from?: string;
  to?: string;
  /** O*NET-SOC codes (an occupation, or every code of a family). */
  occupations?: readonly string[];
  /** Part of the location, case-insensitive ("london", "CA"). */
  location?: string;
  remote?: 'remote' | 'hybrid' | 'onsite';
  dataset?: string;
}

/** Skill kinds counted as "skills" in a top list; tools are their own list. */
export const SKILL_KINDS = ['ai-skill', 'skill', 'knowledge', 'language', 'certification'] as const;
export const TOOL_KINDS = ['tool'] as const;

/** The SQL expression of a posting's period key ('2024-05', '2024-Q2', '2024-H1'); the kind is a closed set, never user text. */
function periodSql(kind: PeriodKind, column = 'p.posted_month'): string {
  if (kind === 'month') return `to_char(${column}, 'YYYY-MM')`;
  if (kind === 'quarter') return `to_char(${column}, 'YYYY') || '-Q' || extract(quarter from ${column})::int`;
  return `to_char(${column}, 'YYYY') || '-H' || (case when extract(month from ${column}) <= 6 then 1 else 2 end)`;
}

/** The where clause of a filter on postings `p`, with its parameters appended to `params`. */
function whereOf(filter: PostingFilter, params: SqlValue[]): string {
  const clauses: string[] = [];
  const add = (clause: (n: string) => string, value: SqlValue) => {
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  if (filter.from) add((n) => `p.posted_month >= to_date(${n}, 'YYYY-MM')`, filter.from);
  if (filter.to) add((n) => `p.posted_month <= to_date(${n}, 'YYYY-MM')`, filter.to);
  if (filter.occupations) add((n) => `p.occupation_code = any(${n}::text[])`, filter.occupations);
  if (filter.location) add((n) => `p.location ilike '%' || ${n} || '%'`, filter.location.replace(/[\\%_]/g, '\\$&'));
  if (filter.remote) add((n) => `p.remote = ${n}`, filter.remote);
  if (filter.dataset) add((n) => `p.dataset = ${n}`, filter.dataset);
  return clauses.length ? `where ${clauses.join(' and ')}` : '';
}

/** Postings per period under a filter (the denominators of every share). */
export function postingTotals(
  db: Queryable,
  filter: PostingFilter,
  kind: PeriodKind,
): Promise<{ period: string; postings: number }[]> {
  const params: SqlValue[] = [];
  const period = periodSql(kind);
  return db.query(
    `select ${period} as period, count(*)::int as postings from postings p ${whereOf(filter, params)}
     group by 1 order by 1`,
    params,
  );
}

/** First and last month of the postings under a filter, and how many there are. */
export async function postingRange(
  db: Queryable,
  filter: PostingFilter,
): Promise<{ first: string | null; last: string | null; postings: number }> {
  const params: SqlValue[] = [];
  const [row] = await db.query<{ first: string | null; last: string | null; postings: number }>(
    `select to_char(min(p.posted_month), 'YYYY-MM') as first, to_char(max(p.posted_month), 'YYYY-MM') as last,
       count(*)::int as postings from postings p ${whereOf(filter, params)}`,
    params,
  );
  return row!;
}

export interface RankedCount {
  period: string;
  key: string;
  label: string;
  kind: string | null;
  count: number;
  rank: number;
}

/** The N skills (of the given kinds) most asked for per period, by postings asking for each. */
export function topSkillsByPeriod(
  db: Queryable,
  filter: PostingFilter,
  kind: PeriodKind,
  options: { kinds: readonly string[]; limit: number },
): Promise<RankedCount[]> {
  const params: SqlValue[] = [];
  const where = whereOf(filter, params);
  params.push(options.kinds, options.limit);
  const kindsAt = `$${params.length - 1}`;
  const limitAt = `$${params.length}`;
  return db.query(
    `select period, key, label, kind, count, rank from (
       select ${periodSql(kind)} as period, s.skill_id as key, min(s.label) as label, min(s.kind) as kind,
         count(*)::int as count,
         row_number() over (partition by ${periodSql(kind)} order by count(*) desc, s.skill_id)::int as rank
       from postings p join posting_skills s on s.posting_id = p.id
       ${where ? `${where} and` : 'where'} s.kind = any(${kindsAt}::text[])
       group by 1, 2
     ) ranked where rank <= ${limitAt} order by period, rank`,
    params,
  );
}

/** The N job titles (as written, case folded) most posted per period. */
export function topTitlesByPeriod(
  db: Queryable,
  filter: PostingFilter,
  kind: PeriodKind,
  limit: number,
): Promise<RankedCount[]> {
  const params: SqlValue[] = [];
  const where = whereOf(filter, params);
  params.push(limit);
  return db.query(
    `select period, key, label, null as kind, count, rank from (
       select ${periodSql(kind)} as period, lower(p.title) as key, min(p.title) as label, count(*)::int as count,
         row_number() over (partition by ${periodSql(kind)} order by count(*) desc, lower(p.title))::int as rank
       from postings p ${where} group by 1, 2
     ) ranked where rank <= $${params.length} order by period, rank`,
    params,
  );
}

/** The N occupations (title resolver's O*NET-SOC code) most posted per period; postings without one are left out. */
export function topOccupationsByPeriod(
  db: Queryable,
  filter: PostingFilter,
  kind: PeriodKind,
  limit: number,
): Promise<RankedCount[]> {
  const params: SqlValue[] = [];
  const where = whereOf(filter, params);
  params.push(limit);
  return db.query(
    `select period, key, coalesce(o.title, key) as label, null as kind, count, rank from (
       select ${periodSql(kind)} as period, p.occupation_code as key, count(*)::int as count,
         row_number() over (partition by ${periodSql(kind)} order by count(*) desc, p.occupation_code)::int as rank
       from postings p ${where ? `${where} and` : 'where'} p.occupation_code is not null group by 1, 2
     ) ranked left join occupations o on o.code = ranked.key
     where rank <= $${params.length} order by period, rank`,
    params,
  );
}

/** Postings asking for a skill per period (periods with none are absent: join with postingTotals). */
export function skillCountsByPeriod(
  db: Queryable,
  filter: PostingFilter,
  kind: PeriodKind,
  skillId: string,
): Promise<{ period: string; count: number }[]> {
  const params: SqlValue[] = [];
  const where = whereOf(filter, params);
  params.push(skillId);
  return db.query(
    `select ${periodSql(kind)} as period, count(*)::int as count
     from postings p join posting_skills s on s.posting_id = p.id
     ${where ? `${where} and` : 'where'} s.skill_id = $${params.length}
     group by 1 order by 1`,
    params,
  );
}

/** A skill's label and kind as postings name it, or undefined when no posting asks for it. */
export async function findPostingSkill(
  db: Queryable,
  skillId: string,
): Promise<{ skillId: string; label: string; kind: string; postings: number } | undefined> {
  const [row] = await db.query<{ skillId: string; label: string; kind: string; postings: number }>(
    `select skill_id as "skillId", min(label) as label, min(kind) as kind, count(*)::int as postings
     from posting_skills where skill_id = $1 group by skill_id`,
    [skillId],
  );
  return row;
}

/** Per skill, postings asking for it in an earlier and a later window of months (for growth and emerging skills). */
export function skillWindowCounts(
  db: Queryable,
  filter: Omit<PostingFilter, 'from' | 'to'>,
  earlier: { from: string; to: string },
  later: { from: string; to: string },
  options: { kinds?: readonly string[]; skillIds?: readonly string[] } = {},
): Promise<{ skillId: string; label: string; kind: string; earlier: number; later: number }[]> {
  const params: SqlValue[] = [];
  const where = whereOf({ ...filter, from: earlier.from < later.from ? earlier.from : later.from }, params);
  params.push(earlier.from, earlier.to, later.from, later.to);
  const [ef, et, lf, lt] = [4, 3, 2, 1].map((back) => `to_date($${params.length - back + 1}, 'YYYY-MM')`);
  const extra: string[] = [];
  if (options.kinds) {
    params.push(options.kinds);
    extra.push(`s.kind = any($${params.length}::text[])`);
  }
  if (options.skillIds) {
    params.push(options.skillIds);
    extra.push(`s.skill_id = any($${params.length}::text[])`);
  }
  const conditions = [where.replace(/^where /, ''), `p.posted_month <= greatest(${et}, ${lt})`, ...extra].filter(
    Boolean,
  );
  return db.query(
    `select s.skill_id as "skillId", min(s.label) as label, min(s.kind) as kind,
       (count(*) filter (where p.posted_month between ${ef} and ${et}))::int as earlier,
       (count(*) filter (where p.posted_month between ${lf} and ${lt}))::int as later
     from postings p join posting_skills s on s.posting_id = p.id
     where ${conditions.join(' and ')}
     group by s.skill_id order by s.skill_id`,
    params,
  );
}

/** Skills asked for beside an anchor skill: postings with both, and postings with each, under a filter. */
export function coOccurringCounts(
  db: Queryable,
  filter: PostingFilter,
  skillId: string,
  limit: number,
): Promise<{ skillId: string; label: string; kind: string; together: number; count: number }[]> {
  const params: SqlValue[] = [];
  const where = whereOf(filter, params);
  params.push(skillId, limit);
  const anchorAt = `$${params.length - 1}`;
  return db.query(
    `with filtered as (select p.id from postings p ${where}),
       anchored as (select s.posting_id from posting_skills s join filtered f on f.id = s.posting_id where s.skill_id = ${anchorAt}),
       pairs as (
         select o.skill_id, count(*)::int as together from posting_skills o join anchored a on a.posting_id = o.posting_id
         where o.skill_id <> ${anchorAt} group by o.skill_id order by together desc, o.skill_id limit $${params.length}
       )
     select pairs.skill_id as "skillId", min(s.label) as label, min(s.kind) as kind, min(pairs.together)::int as together,
       count(*)::int as count
     from pairs join posting_skills s on s.skill_id = pairs.skill_id join filtered f on f.id = s.posting_id
     group by pairs.skill_id order by together desc, pairs.skill_id`,
    params,
  );
}

/** Per period, postings whose title matches a regular expression (case-insensitive) and all postings. */
export function titleMatchesByPeriod(
  db: Queryable,
  filter: PostingFilter,
  kind: PeriodKind,
  pattern: string,
): Promise<{ period: string; matching: number; postings: number }[]> {
  const params: SqlValue[] = [];
  const where = whereOf(filter, params);
  params.push(pattern);
  return db.query(
    `select ${periodSql(kind)} as period, (count(*) filter (where p.title ~* $${params.length}))::int as matching,
       count(*)::int as postings
     from postings p ${where} group by 1 order by 1`,
    params,
  );
}

/** Occupation codes that postings were resolved to, with how many postings each. */
export function postingOccupations(db: Queryable): Promise<{ code: string; postings: number }[]> {
  return db.query(
    `select occupation_code as code, count(*)::int as postings from postings where occupation_code is not null
     group by occupation_code order by occupation_code`,
  );
}

/** A term series month by month, summed to periods: posts naming the term and all posts. */
export function termSeriesByPeriod(
  db: Queryable,
  series: string,
  term: string,
  kind: PeriodKind,
): Promise<{ period: string; mentions: number; posts: number }[]> {
  return db.query(
    `select ${periodSql(kind, 't.month')} as period, sum(t.mentions)::int as mentions, sum(t.posts)::int as posts
     from posting_term_counts t where t.series = $1 and lower(t.term) = lower($2) group by 1 order by 1`,
    [series, term],
  );
}

/** The terms of a series with their total mentions, most mentioned first. */
export function listSeriesTerms(db: Queryable, series: string): Promise<{ term: string; mentions: number }[]> {
  return db.query(
    `select term, sum(mentions)::int as mentions from posting_term_counts where series = $1
     group by term order by mentions desc, term`,
    [series],
  );
}
