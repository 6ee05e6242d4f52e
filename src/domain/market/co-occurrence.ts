export interface PairCount {
  skillId: string;
  label: string;
  kind: string;
  /** Postings asking for both the anchor skill and this one. */
  together: number;
  /** Postings asking for this one (with or without the anchor). */
  count: number;
}

export interface CoOccurrence {
  skillId: string;
  label: string;
  kind: string;
  together: number;
  /** Share of the anchor's postings that also ask for this skill. */
  withAnchor: number;
  /** How much more often the two appear together than if independent: P(a∧b) / (P(a)·P(b)). */
  lift: number;
}

/** The skills most often asked for beside an anchor skill, with lift; most frequent first. */
export function coOccurring(
  anchorCount: number,
  total: number,
  pairs: readonly PairCount[],
  options: { minTogether: number; limit: number },
): CoOccurrence[] {
  if (anchorCount <= 0 || total <= 0) return [];
  return pairs
    .filter((pair) => pair.together >= options.minTogether && pair.count > 0)
    .map((pair) => ({
      skillId: pair.skillId,
      label: pair.label,
      kind: pair.kind,
      together: pair.together,
      withAnchor: pair.together / anchorCount,
      lift: (pair.together * total) / (anchorCount * pair.count),
    }))
    .sort((a, b) => b.together - a.together || b.lift - a.lift || a.skillId.localeCompare(b.skillId))
    .slice(0, options.limit);
}
