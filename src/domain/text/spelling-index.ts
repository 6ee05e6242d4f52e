/**
 * Finds the known words within one or two edits of a misspelt word (symmetric-delete search,
 * as in SymSpell): every known word is indexed under the strings made by deleting one or two of
 * its letters, so a lookup is a handful of hash probes instead of a scan of the vocabulary.
 */
export interface SpellingIndex {
  readonly words: ReadonlySet<string>;
  readonly deletes: ReadonlyMap<string, readonly string[]>;
}

export interface SpellingCandidate {
  word: string;
  distance: number;
}

/** Edits allowed for a word of this length: short words are too easy to turn into other words. */
export function maxEditsFor(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

function deletionsOf(word: string, depth: number, into: Set<string>): void {
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (into.has(shorter)) continue;
    into.add(shorter);
    if (depth > 1) deletionsOf(shorter, depth - 1, into);
  }
}

/**
 * Words longer than this get no suggestions: no title word is anywhere near as long, and the
 * deletion probes of a word grow with the cube of its length (a 10 000-letter word would take hours).
 */
export const MAX_SUGGESTED_LENGTH = 40;

/** Builds the deletion index of a vocabulary (words too long for suggestions are kept for exact matches only). */
export function buildSpellingIndex(vocabulary: Iterable<string>): SpellingIndex {
  const words = new Set<string>();
  const deletes = new Map<string, string[]>();
  for (const word of vocabulary) {
    if (words.has(word)) continue;
    words.add(word);
    const edits = maxEditsFor(word.length);
    if (edits === 0 || word.length > MAX_SUGGESTED_LENGTH) continue;
    const variants = new Set<string>();
    deletionsOf(word, edits, variants);
    for (const variant of variants) {
      const list = deletes.get(variant);
      if (list) list.push(word);
      else deletes.set(variant, [word]);
    }
  }
  return { words, deletes };
}

/** Optimal-string-alignment distance, giving up (returning limit + 1) once it exceeds limit. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = b.length + 1;
  let prevPrev = new Array<number>(width).fill(0);
  let prev = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[b.length]!;
}

/** Known words nearest to `word` (all at the same, smallest distance), or none. */
export function suggestSpellings(index: SpellingIndex, word: string): SpellingCandidate[] {
  if (index.words.has(word)) return [{ word, distance: 0 }];
  const limit = maxEditsFor(word.length);
  if (limit === 0 || word.length > MAX_SUGGESTED_LENGTH) return [];
  const probes = new Set<string>([word]);
  deletionsOf(word, limit, probes);
  const seen = new Set<string>();
  let best: SpellingCandidate[] = [];
  let bestDistance = limit + 1;
  const consider = (candidate: string): void => {
    if (seen.has(candidate)) return;
    seen.add(candidate);
    const distance = editDistance(word, candidate, Math.min(limit, maxEditsFor(candidate.length)));
    if (distance > limit || distance > bestDistance) return;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = [];
    }
    best.push({ word: candidate, distance });
  };
  for (const probe of probes) {
    if (index.words.has(probe)) consider(probe);
    for (const candidate of index.deletes.get(probe) ?? []) consider(candidate);
  }
  return best;
}
