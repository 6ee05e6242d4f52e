/** A word that can stand in for another, and how strongly (0–1]. */
export interface Paraphrase {
  term: string;
  weight: number;
}

export interface ParaphraseOptions {
  /** Skills in which two words must replace each other before they count as interchangeable. */
  minSkills?: number;
  /** Most stand-ins kept per word. */
  perTerm?: number;
  /** Largest word set two labels may differ by: bigger rewrites are new phrasings, not substitutions. */
  maxDifference?: number;
}

/**
 * Words that stand in for one another, learned from the alternative labels of each skill: ESCO's
 * "liaise with managers" / "collaborate with managers" / "cooperate with managers" teach that
 * liaise, collaborate and cooperate are interchangeable before "managers", and a few hundred skills
 * agreeing make it general. Counted once per skill, so one skill's long list cannot dominate.
 */
export function learnParaphrases(
  skillLabels: readonly (readonly (readonly string[])[])[],
  options: ParaphraseOptions = {},
): Map<string, Paraphrase[]> {
  const { minSkills = 2, perTerm = 6, maxDifference = 2 } = options;
  const pairCounts = new Map<string, number>();
  const termSkills = new Map<string, number>();
  for (const labels of skillLabels) {
    const sets = labels.map((terms) => new Set(terms));
    const pairs = new Set<string>();
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const only = (a: Set<string>, b: Set<string>) => [...a].filter((term) => !b.has(term));
        const left = only(sets[i]!, sets[j]!);
        const right = only(sets[j]!, sets[i]!);
        if (left.length === 0 || right.length === 0 || left.length > maxDifference || right.length > maxDifference)
          continue;
        for (const a of left) for (const b of right) pairs.add(a < b ? `${a} ${b}` : `${b} ${a}`);
      }
    }
    const terms = new Set<string>();
    for (const pair of pairs) {
      pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + 1);
      for (const term of pair.split(' ')) terms.add(term);
    }
    for (const term of terms) termSkills.set(term, (termSkills.get(term) ?? 0) + 1);
  }
  const related = new Map<string, Paraphrase[]>();
  const add = (from: string, term: string, weight: number) => {
    const list = related.get(from) ?? [];
    list.push({ term, weight });
    related.set(from, list);
  };
  for (const [pair, count] of pairCounts) {
    if (count < minSkills) continue;
    const [a, b] = pair.split(' ') as [string, string];
    // Cosine of the two words' substitution counts: frequent words ("manage") are not everyone's synonym.
    const weight = count / Math.sqrt(termSkills.get(a)! * termSkills.get(b)!);
    add(a, b, weight);
    add(b, a, weight);
  }
  for (const [term, list] of related) {
    list.sort((x, y) => y.weight - x.weight || (x.term < y.term ? -1 : 1));
    related.set(term, list.slice(0, perTerm));
  }
  return related;
}
