/**
 * Finds the known words that share most letter trigrams with a word no vocabulary has, for words
 * too far from any known word for spelling correction: "ultrasonographer" → sonographer,
 * "goldsmith" → gold, silversmith. Words are padded with spaces so their first and last letters
 * count, which is where English job words keep their stem and their agent ending.
 */
export interface NgramIndex {
  readonly words: readonly string[];
  readonly gramCount: Int32Array;
  readonly postings: ReadonlyMap<string, Int32Array>;
  /** Reusable per-lookup counters: a lookup is synchronous, so one buffer serves every call. */
  readonly shared: Int32Array;
}

export interface SimilarWord {
  word: string;
  /** Dice coefficient of the two trigram sets, 0–1. */
  similarity: number;
}

/** Words shorter than this share too few trigrams to say anything. */
export const MIN_NGRAM_WORD_LENGTH = 4;
/** Longer words are not looked up: no job word is this long, and a lookup grows with the word. */
export const MAX_NGRAM_WORD_LENGTH = 40;

function trigrams(word: string): Set<string> {
  const padded = ` ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Builds the trigram postings of a vocabulary (words shorter than MIN_NGRAM_WORD_LENGTH are left out). */
export function buildNgramIndex(vocabulary: Iterable<string>): NgramIndex {
  const words: string[] = [];
  const lists = new Map<string, number[]>();
  const counts: number[] = [];
  for (const word of new Set(vocabulary)) {
    if (word.length < MIN_NGRAM_WORD_LENGTH || word.length > MAX_NGRAM_WORD_LENGTH) continue;
    const id = words.length;
    words.push(word);
    const grams = trigrams(word);
    counts.push(grams.size);
    for (const gram of grams) {
      const list = lists.get(gram);
      if (list) list.push(id);
      else lists.set(gram, [id]);
    }
  }
  const postings = new Map<string, Int32Array>();
  for (const [gram, list] of lists) postings.set(gram, Int32Array.from(list));
  return { words, gramCount: Int32Array.from(counts), postings, shared: new Int32Array(words.length) };
}

/** Trigram Dice coefficient of two words, 0–1. */
export function trigramSimilarity(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  let shared = 0;
  for (const gram of ga) if (gb.has(gram)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

/** The known words most like `word` by trigram Dice, best first, at least `minSimilarity` alike. */
export function similarWords(index: NgramIndex, word: string, limit: number, minSimilarity: number): SimilarWord[] {
  if (word.length < MIN_NGRAM_WORD_LENGTH || word.length > MAX_NGRAM_WORD_LENGTH || limit <= 0) return [];
  const grams = trigrams(word);
  const touched: number[] = [];
  for (const gram of grams) {
    const list = index.postings.get(gram);
    if (!list) continue;
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (index.shared[id] === 0) touched.push(id);
      index.shared[id]! += 1;
    }
  }
  const found: SimilarWord[] = [];
  for (const id of touched) {
    const similarity = (2 * index.shared[id]!) / (grams.size + index.gramCount[id]!);
    index.shared[id] = 0;
    if (similarity >= minSimilarity) found.push({ word: index.words[id]!, similarity });
  }
  // Ties go to the alphabetically first word, so the answer never depends on insertion order.
  found.sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
  return found.slice(0, limit);
}
