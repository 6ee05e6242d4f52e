import type { InsightLink, InsightRecord } from './insight-record.js';

/** Days after which an insight's recency counts half. */
export const RECENCY_HALF_LIFE_DAYS = 180;

/** The ranking's weights; they sum to 1 so a score is 0–1. */
export const RANK_WEIGHTS = { quality: 0.25, heat: 0.15, recency: 0.25, relevance: 0.35 } as const;

/** What the reader cares about: the plan's skills, their occupation and target role. */
export interface ReaderContext {
  skillIds: ReadonlySet<string>;
  occupationCode: string | null;
  roleId: string | null;
  /** 'YYYY-MM-DD' or ISO date-time: the day ranked from. */
  now: string;
}

export interface RankedInsight {
  record: InsightRecord;
  links: InsightLink[];
  score: number;
  /** Each part of the score (0–1 before weighting), so a reader sees why it is where it is. */
  parts: { quality: number; heat: number; recency: number; relevance: number };
}

/** The ranking in words, for the places that show it. */
export const RANK_FORMULA =
  `score = ${RANK_WEIGHTS.quality}·quality/100 + ${RANK_WEIGHTS.heat}·max(heat, 0)/100 + ` +
  `${RANK_WEIGHTS.recency}·0.5^(age in days / ${RECENCY_HALF_LIFE_DAYS}) + ${RANK_WEIGHTS.relevance}·relevance, ` +
  'relevance = ½ if it names your occupation or target role, plus ½·(share of your plan’s skills it mentions, up to 1 at three); ' +
  'an unrated quality or heat counts 0.5';

/** Ranks insights by quality, heat, recency and relevance to the reader's plan, best first (formula: RANK_FORMULA). */
export function rankInsights(
  items: readonly { record: InsightRecord; links: InsightLink[] }[],
  reader: ReaderContext,
): RankedInsight[] {
  const now = Date.parse(reader.now.length === 10 ? `${reader.now}T00:00:00Z` : reader.now);
  return items
    .map(({ record, links }) => {
      const ageDays = Math.max(0, (now - Date.parse(record.publishedAt)) / 86_400_000);
      const namesJob = links.some(
        (l) =>
          (l.kind === 'occupation' && l.ref === reader.occupationCode) ||
          (l.kind === 'role' && l.ref === reader.roleId),
      );
      const sharedSkills = links.filter((l) => l.kind === 'skill' && reader.skillIds.has(l.ref)).length;
      const parts = {
        quality: record.quality === null ? 0.5 : Math.min(100, Math.max(0, record.quality)) / 100,
        heat: record.heat === null ? 0.5 : Math.min(100, Math.max(0, record.heat)) / 100,
        recency: 0.5 ** (ageDays / RECENCY_HALF_LIFE_DAYS),
        relevance: (namesJob ? 0.5 : 0) + 0.5 * Math.min(1, sharedSkills / 3),
      };
      const score =
        RANK_WEIGHTS.quality * parts.quality +
        RANK_WEIGHTS.heat * parts.heat +
        RANK_WEIGHTS.recency * parts.recency +
        RANK_WEIGHTS.relevance * parts.relevance;
      return { record, links, score, parts };
    })
    .sort((a, b) => b.score - a.score || b.record.publishedAt.localeCompare(a.record.publishedAt));
}
