import { twoProportionTest } from './growth.js';
import { shareOf, type Share } from './share-interval.js';

export interface SkillWindowCounts {
  skillId: string;
  label: string;
  kind: string;
  /** Postings asking for it in the earlier window. */
  earlier: number;
  /** Postings asking for it in the later window. */
  later: number;
}

export interface EmergingOptions {
  /** Postings in the earlier and later windows (denominators). */
  earlierTotal: number;
  laterTotal: number;
  /** Least postings in the later window for a skill to be considered (the support floor). */
  minSupport: number;
  /** One-sided significance level of the growth test. */
  alpha: number;
  limit: number;
}

export interface EmergingSkill {
  skillId: string;
  label: string;
  kind: string;
  earlier: Share;
  later: Share;
  /**
   * Growth of the share with 0.5 added to each count (Haldane's correction), so that a skill absent
   * before still gets a finite, comparable ratio.
   */
  ratio: number;
  z: number;
  p: number;
}

/** The test emerging skills pass, in words, for every place that shows them. */
export const EMERGING_TEST =
  'one-sided two-proportion z-test (pooled) that the later share of postings is higher, p < alpha; ' +
  'ratio of shares with 0.5 added to each count; only skills at or above the support floor in the later window';

/** The fastest-growing skills between two windows that pass the support floor and the growth test, fastest first. */
export function emergingSkills(rows: readonly SkillWindowCounts[], options: EmergingOptions): EmergingSkill[] {
  const { earlierTotal, laterTotal, minSupport, alpha, limit } = options;
  if (earlierTotal <= 0 || laterTotal <= 0) return [];
  const found: EmergingSkill[] = [];
  for (const row of rows) {
    if (row.later < minSupport) continue;
    const test = twoProportionTest(
      { count: row.earlier, total: earlierTotal },
      { count: row.later, total: laterTotal },
    );
    if (test.p >= alpha) continue;
    const ratio = (row.later + 0.5) / (laterTotal + 1) / ((row.earlier + 0.5) / (earlierTotal + 1));
    found.push({
      skillId: row.skillId,
      label: row.label,
      kind: row.kind,
      earlier: shareOf(row.earlier, earlierTotal),
      later: shareOf(row.later, laterTotal),
      ratio,
      z: test.z,
      p: test.p,
    });
  }
  return found.sort((a, b) => b.ratio - a.ratio || a.p - b.p || a.skillId.localeCompare(b.skillId)).slice(0, limit);
}
