import { UpskillError } from '../domain/errors.js';
import {
  addMonths,
  coOccurring,
  demandNotInProfile,
  EMERGING_TEST,
  MAX_MARKET_LIMIT,
  emergingSkills,
  growthBetween,
  monthsBetween,
  parseMonth,
  previousPeriod,
  shareOf,
  type CoOccurrence,
  type DemandSample,
  type EmergingSkill,
  type Growth,
  type PeriodKind,
  type Share,
  type UnlistedDemand,
} from '../domain/market/index.js';
import { OCCUPATION_FAMILIES, occupationFamily, type OccupationFamily } from '../domain/planning/occupation-family.js';
import * as market from '../store/market.repository.js';
// One definition of an AI title for the whole product: the postings branch's, also used by its import checks.
import { AI_TITLE_PATTERN, countPostings } from '../store/postings.repository.js';
import { findOccupation, listTechnologySkills } from '../store/occupation.repository.js';
import type { UpskillApp } from './upskill-app.js';

/** What every market figure is counted over: the filter a caller gives. */
export interface MarketQuery {
  period: PeriodKind;
  from?: string;
  to?: string;
  /** An O*NET-SOC code. */
  occupation?: string;
  family?: OccupationFamily;
  location?: string;
  remote?: 'remote' | 'hybrid' | 'onsite';
  dataset?: string;
  limit: number;
}

/** Where the figures come from and what they count, shown beside every one of them. */
export interface SampleNote {
  postings: number;
  first: string | null;
  last: string | null;
  datasets: Record<string, number>;
  note: string;
}

export type TopKind = 'skills' | 'tools' | 'titles' | 'occupations';

export interface TopItem extends Share {
  key: string;
  label: string;
  kind: string | null;
  rank: number;
}

export interface MarketTop {
  what: TopKind;
  period: PeriodKind;
  periods: { period: string; postings: number; items: TopItem[] }[];
  sample: SampleNote;
}

export interface TrendPoint extends Share {
  period: string;
}

export interface MarketTrend {
  skill: { skillId: string; label: string; kind: string };
  period: PeriodKind;
  points: TrendPoint[];
  /** Latest quarter against the one before, and against the same quarter a year before (null when not loaded). */
  quarterOnQuarter: (Growth & { periods: [string, string] }) | null;
  yearOnYear: (Growth & { periods: [string, string] }) | null;
  coOccurring: CoOccurrence[];
  sample: SampleNote;
}

function check(query: Partial<MarketQuery>): void {
  if (query.from) parseMonth(query.from, 'from');
  if (query.to) parseMonth(query.to, 'to');
  if (query.from && query.to && query.from > query.to)
    throw new UpskillError('BAD_INPUT', `from (${query.from}) is after to (${query.to}).`);
  if (query.occupation !== undefined && !/^\d{2}-\d{4}\.\d{2}$/.test(query.occupation))
    throw new UpskillError(
      'BAD_INPUT',
      `occupation must be an O*NET-SOC code like 13-1161.00, got "${query.occupation}".`,
      {
        hint: 'Find the code with `upskill occupations search "<title>"`.',
      },
    );
  if (query.family !== undefined && !(query.family in OCCUPATION_FAMILIES))
    throw new UpskillError('BAD_INPUT', `There is no occupation family "${query.family}".`, {
      hint: `One of: ${Object.keys(OCCUPATION_FAMILIES).join(', ')}.`,
    });
  if (
    query.limit !== undefined &&
    (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_MARKET_LIMIT)
  )
    throw new UpskillError(
      'BAD_INPUT',
      `limit must be a whole number from 1 to ${MAX_MARKET_LIMIT}, got ${query.limit}.`,
    );
}

/** The SQL filter of a query: a family becomes the occupation codes of that family that postings have. */
async function filterOf(app: UpskillApp, query: Partial<MarketQuery>): Promise<market.PostingFilter> {
  check(query);
  const filter: market.PostingFilter = {
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.location ? { location: query.location } : {}),
    ...(query.remote ? { remote: query.remote } : {}),
    ...(query.dataset ? { dataset: query.dataset } : {}),
  };
  let codes: string[] | undefined = query.occupation ? [query.occupation] : undefined;
  if (query.family) {
    const inFamily = (await market.postingOccupations(app.database))
      .map((row) => row.code)
      .filter((code) => occupationFamily(code) === query.family);
    codes = codes ? codes.filter((code) => inFamily.includes(code)) : inFamily;
  }
  return codes ? { ...filter, occupations: codes } : filter;
}

/** The sample a figure is counted over, with the words that say it is a sample. */
async function sampleOf(app: UpskillApp, filter: market.PostingFilter): Promise<SampleNote> {
  const [range, all] = await Promise.all([market.postingRange(app.database, filter), countPostings(app.database)]);
  const datasets = Object.keys(all.byDataset);
  return {
    postings: range.postings,
    first: range.first,
    last: range.last,
    datasets: all.byDataset,
    note:
      range.postings === 0
        ? 'No postings match: load some with `upskill postings import`.'
        : `Counted over ${range.postings} job postings, ${range.first} – ${range.last}, from ${datasets.join(', ')}: ` +
          'a sample of part of the market, not all of it. A share is the share of those postings that ask for it, ' +
          'with its 95 % Wilson interval.',
  };
}

/** The N skills, tools, titles or occupations most asked for per period, with shares and intervals. */
export async function marketTop(app: UpskillApp, what: TopKind, query: MarketQuery): Promise<MarketTop> {
  const filter = await filterOf(app, query);
  const db = app.database;
  const [totals, ranked] = await Promise.all([
    market.postingTotals(db, filter, query.period),
    what === 'skills' || what === 'tools'
      ? market.topSkillsByPeriod(db, filter, query.period, {
          kinds: what === 'skills' ? market.SKILL_KINDS : market.TOOL_KINDS,
          limit: query.limit,
        })
      : what === 'titles'
        ? market.topTitlesByPeriod(db, filter, query.period, query.limit)
        : market.topOccupationsByPeriod(db, filter, query.period, query.limit),
  ]);
  return {
    what,
    period: query.period,
    periods: totals.map(({ period, postings }) => ({
      period,
      postings,
      items: ranked
        .filter((row) => row.period === period)
        .map((row) => ({
          key: row.key,
          label: row.label,
          kind: row.kind,
          rank: row.rank,
          ...shareOf(row.count, postings),
        })),
    })),
    sample: await sampleOf(app, filter),
  };
}

/** A skill's count and share of postings per period with 95 % intervals, its growth, and what is asked beside it. */
export async function marketTrend(app: UpskillApp, skillId: string, query: MarketQuery): Promise<MarketTrend> {
  const filter = await filterOf(app, query);
  const db = app.database;
  // A graph skill no posting asks for has a trend of zeros; an id neither postings nor the graph know is not found.
  const graphSkill = app.skillGraph().skills.find((s) => s.id === skillId);
  const skill =
    (await market.findPostingSkill(db, skillId)) ??
    (graphSkill ? { skillId, label: graphSkill.name, kind: 'ai-skill', postings: 0 } : undefined);
  if (!skill)
    throw new UpskillError('NOT_FOUND', `No loaded posting asks for "${skillId}".`, {
      hint: 'See the skills postings ask for with `upskill market top skills`.',
    });
  const [totals, counts, quarterTotals, quarterCounts, pairs] = await Promise.all([
    market.postingTotals(db, filter, query.period),
    market.skillCountsByPeriod(db, filter, query.period, skillId),
    market.postingTotals(db, filter, 'quarter'),
    market.skillCountsByPeriod(db, filter, 'quarter', skillId),
    market.coOccurringCounts(db, filter, skillId, Math.max(query.limit * 3, 30)),
  ]);
  const countIn = (rows: { period: string; count: number }[], period: string) =>
    rows.find((row) => row.period === period)?.count ?? 0;
  const points = totals.map(({ period, postings }) => ({ period, ...shareOf(countIn(counts, period), postings) }));
  const quarter = (period: string) => {
    const postings = quarterTotals.find((row) => row.period === period)?.postings;
    return postings ? { count: countIn(quarterCounts, period), total: postings } : null;
  };
  const latest = quarterTotals.at(-1)?.period;
  const growthFrom = (earlierPeriod: string | undefined) => {
    if (!latest || !earlierPeriod) return null;
    const [a, b] = [quarter(earlierPeriod), quarter(latest)];
    return a && b ? { ...growthBetween(a, b), periods: [earlierPeriod, latest] as [string, string] } : null;
  };
  const anchor = points.reduce((sum, p) => sum + p.count, 0);
  const total = points.reduce((sum, p) => sum + p.total, 0);
  return {
    skill: { skillId: skill.skillId, label: skill.label, kind: skill.kind },
    period: query.period,
    points,
    quarterOnQuarter: growthFrom(latest && previousPeriod(latest)),
    yearOnYear: growthFrom(latest && previousPeriod(latest, 4)),
    coOccurring: coOccurring(anchor, total, pairs, { minTogether: 2, limit: query.limit }),
    sample: await sampleOf(app, filter),
  };
}

export interface MarketEmerging {
  earlier: { from: string; to: string; postings: number };
  later: { from: string; to: string; postings: number };
  minSupport: number;
  alpha: number;
  test: string;
  skills: EmergingSkill[];
  sample: SampleNote;
}

/**
 * Emerging skills: the latest `months` months of the filtered postings against the `months` before
 * them; skills above the support floor whose share grew significantly, fastest first.
 */
export async function marketEmerging(
  app: UpskillApp,
  query: MarketQuery & { months: number; minSupport: number; alpha: number },
): Promise<MarketEmerging> {
  if (!Number.isInteger(query.months) || query.months < 1 || query.months > 36)
    throw new UpskillError('BAD_INPUT', `months must be a whole number from 1 to 36, got ${query.months}.`);
  if (!Number.isInteger(query.minSupport) || query.minSupport < 1)
    throw new UpskillError(
      'BAD_INPUT',
      `the support floor must be a whole number of postings ≥ 1, got ${query.minSupport}.`,
    );
  if (!(query.alpha > 0 && query.alpha < 1))
    throw new UpskillError('BAD_INPUT', `alpha must be between 0 and 1, got ${query.alpha}.`);
  const filter = await filterOf(app, query);
  const range = await market.postingRange(app.database, filter);
  const last = range.last ?? query.to ?? '2000-01';
  const later = { from: addMonths(last, -query.months + 1), to: last };
  const earlier = { from: addMonths(last, -2 * query.months + 1), to: addMonths(last, -query.months) };
  const rest: market.PostingFilter = { ...filter };
  delete rest.from;
  delete rest.to;
  const [counts, earlierRange, laterRange] = await Promise.all([
    market.skillWindowCounts(app.database, rest, earlier, later),
    market.postingRange(app.database, { ...rest, ...earlier }),
    market.postingRange(app.database, { ...rest, ...later }),
  ]);
  return {
    earlier: { ...earlier, postings: earlierRange.postings },
    later: { ...later, postings: laterRange.postings },
    minSupport: query.minSupport,
    alpha: query.alpha,
    test: EMERGING_TEST,
    skills: emergingSkills(counts, {
      earlierTotal: earlierRange.postings,
      laterTotal: laterRange.postings,
      minSupport: query.minSupport,
      alpha: query.alpha,
      limit: query.limit,
    }),
    sample: await sampleOf(app, { ...rest, from: earlier.from, to: later.to }),
  };
}

export interface MarketOccupation {
  occupation: { code: string; title: string };
  skills: TopItem[];
  tools: TopItem[];
  titles: TopItem[];
  /** What its postings ask for that its O*NET profile (technology skills and tools) does not mention. */
  notInProfile: UnlistedDemand[];
  sample: SampleNote;
}

/** What one occupation's postings ask for over the whole filtered span, and what of it O*NET does not list. */
export async function marketOccupation(
  app: UpskillApp,
  code: string,
  query: Omit<MarketQuery, 'occupation' | 'family' | 'period'>,
): Promise<MarketOccupation> {
  const occupation = /^\d{2}-\d{4}\.\d{2}$/.test(code) ? await findOccupation(app.database, code) : undefined;
  if (!occupation)
    throw new UpskillError('NOT_FOUND', `There is no occupation with the code ${code}.`, {
      hint: 'Search by title with `upskill occupations search "<title>"` to find the code.',
    });
  const filter = await filterOf(app, { ...query, occupation: code });
  const sample = await sampleOf(app, filter);
  const db = app.database;
  // One period over the whole span: a year of 'half' buckets would split it, so count all months as one.
  const all = async (what: TopKind, limit: number): Promise<TopItem[]> => {
    const rows =
      what === 'titles'
        ? await market.topTitlesByPeriod(db, filter, 'month', 1000)
        : await market.topSkillsByPeriod(db, filter, 'month', {
            kinds: what === 'skills' ? market.SKILL_KINDS : market.TOOL_KINDS,
            limit: 1000,
          });
    const summed = new Map<string, { label: string; kind: string | null; count: number }>();
    for (const row of rows) {
      const seen = summed.get(row.key) ?? { label: row.label, kind: row.kind, count: 0 };
      seen.count += row.count;
      summed.set(row.key, seen);
    }
    return [...summed]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([key, item], i) => ({
        key,
        label: item.label,
        kind: item.kind,
        rank: i + 1,
        ...shareOf(item.count, sample.postings),
      }));
  };
  const [skills, tools, titles, technology] = await Promise.all([
    all('skills', 200),
    all('tools', 200),
    all('titles', query.limit),
    listTechnologySkills(db, code),
  ]);
  const graph = app.skillGraph();
  const examples = new Set(technology.map((t) => t.example));
  const profileIds = new Set([
    ...technology.map((t) => `onet:${t.example}`),
    ...graph.skills.filter((s) => s.onet?.examples.some((e) => examples.has(e))).map((s) => s.id),
  ]);
  const asked = [...skills, ...tools].map((item) => ({
    skillId: item.key,
    label: item.label,
    kind: item.kind ?? 'skill',
    count: item.count,
  }));
  return {
    occupation: { code: occupation.code, title: occupation.title },
    skills: skills.slice(0, query.limit),
    tools: tools.slice(0, query.limit),
    titles,
    notInProfile: demandNotInProfile(
      asked,
      sample.postings,
      { ids: profileIds, labels: [...examples, ...technology.map((t) => t.commodityTitle)] },
      { minCount: 2, minShare: 0.05, limit: query.limit },
    ),
    sample,
  };
}

export interface TermTrend {
  series: string;
  term: string;
  period: PeriodKind;
  points: TrendPoint[];
  note: string;
}

/** An already-aggregated term series (e.g. hn-hiringtrends) by period: share of posts naming the term, with intervals. */
export async function termTrend(app: UpskillApp, series: string, term: string, period: PeriodKind): Promise<TermTrend> {
  const rows = await market.termSeriesByPeriod(app.database, series, term, period);
  if (rows.length === 0)
    throw new UpskillError('NOT_FOUND', `The series "${series}" has no term "${term}".`, {
      hint: 'Load it with `upskill postings import-counts`; list its terms with `upskill market series <series>`.',
    });
  return {
    series,
    term,
    period,
    points: rows.map((row) => ({ period: row.period, ...shareOf(row.mentions, row.posts) })),
    note:
      `Share of the posts in the "${series}" series naming "${term}", per ${period}: the series counts one forum's ` +
      'job posts, a sample of part of the market.',
  };
}

/** Per period, the share of postings whose title matches a pattern (default: names AI, ML or LLM). */
export async function titleShare(
  app: UpskillApp,
  query: MarketQuery & { pattern?: string },
): Promise<{ pattern: string; points: TrendPoint[]; sample: SampleNote }> {
  const filter = await filterOf(app, query);
  const pattern = query.pattern ?? AI_TITLE_PATTERN;
  const rows = await market.titleMatchesByPeriod(app.database, filter, query.period, pattern);
  return {
    pattern,
    points: rows.map((row) => ({ period: row.period, ...shareOf(row.matching, row.postings) })),
    sample: await sampleOf(app, filter),
  };
}

/**
 * The postings a plan's demand is read from: those resolved to the given occupations, their latest
 * 12 months and the 12 before; null when no postings are loaded at all.
 */
export async function demandSample(
  app: UpskillApp,
  codes: readonly string[],
  scope: string,
  skillIds: readonly string[],
): Promise<DemandSample | null> {
  const db = app.database;
  const [any] = await db.query<{ found: boolean }>('select exists (select 1 from postings) as found');
  if (!any?.found) return null;
  const range = await market.postingRange(db, { occupations: codes });
  if (!range.last || !range.first)
    return { scope, first: null, last: null, monthsCovered: 0, later: 0, earlier: 0, skills: new Map() };
  const later = { from: addMonths(range.last, -11), to: range.last };
  const earlier = { from: addMonths(range.last, -23), to: addMonths(range.last, -12) };
  const [counts, laterRange, earlierRange] = await Promise.all([
    market.skillWindowCounts(db, { occupations: codes }, earlier, later, { skillIds }),
    market.postingRange(db, { occupations: codes, ...later }),
    market.postingRange(db, { occupations: codes, ...earlier }),
  ]);
  return {
    scope,
    first: laterRange.first,
    last: range.last,
    monthsCovered: monthsBetween(range.first, range.last),
    later: laterRange.postings,
    earlier: earlierRange.postings,
    skills: new Map(counts.map((row) => [row.skillId, { later: row.later, earlier: row.earlier }])),
  };
}
