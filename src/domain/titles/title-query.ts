import { similarWords, trigramSimilarity } from '../text/ngram-index.js';
import { suggestSpellings } from '../text/spelling-index.js';
import { isNoiseWord, neighbourPairs, queryWords, stemWord, wordForms } from './title-analyzer.js';
import type { TitleIndex } from './title-index.js';
import { ROLE_SYNONYMS } from './title-vocabulary.js';

/**
 * How a typed title is read against the index: each word becomes a slot of known terms, each with
 * how much it counts (1 for the word itself, less for a synonym, a correction or a near form).
 */
export interface QuerySlot {
  terms: number[];
  factors: number[];
  weight: number;
  /** The word belongs to a query phrase some title has ("social media"): titles without it get less of the word. */
  phrased: boolean;
}

export interface AnalyzedQuery {
  slots: QuerySlot[];
  totalWeight: number;
  /** The head noun and its role synonyms: titles ending in none of them are weaker matches. */
  heads: readonly number[];
  /** For each query phrase that titles have, those titles. */
  phraseTitles: Int32Array[];
  /** Words of the query that no title or task uses and nothing known is near. */
  unknownWords: string[];
  /** Some word that is not seniority or contract noise is known (or near a known word). */
  recognised: boolean;
}

const SPELLING_FACTOR = [1, 0.85, 0.7] as const;
/**
 * A correction of two edits must keep this share of the word's letter trigrams: two edits turn
 * "vocalist" into "oculist", which shares only its ending; "acountnt" → "accountant" keeps most.
 */
const MIN_TWO_EDIT_SIMILARITY = 0.5;
/** Another form of the word by its ending (actress → actor) is nearly the word itself. */
const WORD_FORM_FACTOR = 0.9;
/** Trigram neighbours of an unseen word: how alike they must be (Dice), and how many count. */
const MIN_NGRAM_SIMILARITY = 0.5;
const NGRAM_CANDIDATES = 3;
/** Each part of a compound split into two title words ("goldsmith" → gold, smith) has at least this many letters. */
const MIN_COMPOUND_PART = 3;
/** A word is a head noun when at least this share of the titles using it end with it. */
const MIN_HEAD_RATIO = 0.15;

/** The known terms one query word stands for, each with how much it counts. */
class WordTerms {
  readonly terms: number[] = [];
  readonly factors: number[] = [];
  /** Some term is a word of titles, not only of task statements. */
  titled = false;

  constructor(private readonly index: TitleIndex) {}

  add(candidate: string, factor: number): void {
    const term = this.index.termIds.get(stemWord(candidate));
    if (term === undefined || this.terms.includes(term)) return;
    this.terms.push(term);
    this.factors.push(factor);
    if (this.index.termTitles[term]!.length > 0) this.titled = true;
  }
}

/**
 * Known terms for one query word: the word and its role synonyms; or, for a word no title has
 * (tasks may), its spelling corrections, or else another form of it (actress → actor).
 */
function closeTerms(index: TitleIndex, word: string): WordTerms {
  const found = new WordTerms(index);
  found.add(word, 1);
  if (found.titled) {
    for (const [synonym, closeness] of ROLE_SYNONYMS.get(word) ?? []) found.add(synonym, closeness);
    return found;
  }
  for (const candidate of suggestSpellings(index.spelling, word).slice(0, 3)) {
    if (candidate.distance < 2 || trigramSimilarity(word, candidate.word) >= MIN_TWO_EDIT_SIMILARITY)
      found.add(candidate.word, SPELLING_FACTOR[candidate.distance] ?? 0);
  }
  if (!found.titled) for (const form of wordForms(word)) found.add(form, WORD_FORM_FACTOR);
  return found;
}

/** Adds, for a word no title word is close to, its nearest title words by letter trigrams. */
function addTrigramNeighbours(index: TitleIndex, word: string, found: WordTerms): WordTerms {
  // A word only tasks use keeps its own term beside its title-word neighbours.
  if (!found.titled)
    for (const similar of similarWords(index.ngrams, word, NGRAM_CANDIDATES, MIN_NGRAM_SIMILARITY))
      found.add(similar.word, similar.similarity);
  return found;
}

/** "goldsmith" → ["gold", "smith"] when both parts are title words (the longest known ending wins), else none. */
function splitCompound(index: TitleIndex, word: string): string[] {
  for (let cut = MIN_COMPOUND_PART; cut <= word.length - MIN_COMPOUND_PART; cut++) {
    const [left, right] = [word.slice(0, cut), word.slice(cut)];
    if (index.spelling.words.has(left) && index.spelling.words.has(right)) return [left, right];
  }
  return [];
}

/** Reads a typed title into weighted slots of known terms, with its head noun and its phrases. */
export function analyzeQuery(index: TitleIndex, query: string): AnalyzedQuery {
  // An unknown word that two title words make ("goldsmith") is read as those two words.
  const read = queryWords(query).flatMap((word) => {
    const close = closeTerms(index, word);
    const parts = close.titled ? [] : splitCompound(index, word);
    if (parts.length === 0) return [{ word, found: addTrigramNeighbours(index, word, close) }];
    return parts.map((part) => ({ word: part, found: closeTerms(index, part) }));
  });
  const slots: QuerySlot[] = [];
  const slotWords: string[] = [];
  const unknownWords: string[] = [];
  let recognised = false;
  const usedTerms = new Set<number>();
  let totalWeight = 0;
  for (const { word, found } of read) {
    const slot: QuerySlot = { terms: [], factors: [], weight: 0, phrased: false };
    found.terms.forEach((term, k) => {
      if (usedTerms.has(term)) return;
      slot.terms.push(term);
      slot.factors.push(found.factors[k]!);
    });
    // A word whose every reading an earlier word already gave adds nothing ("nurse nurse").
    if (found.terms.length > 0 && slot.terms.length === 0) continue;
    if (found.terms.length === 0 && !isNoiseWord(word)) unknownWords.push(word);
    if (found.terms.length > 0 && !isNoiseWord(word)) recognised = true;
    slot.terms.forEach((term) => usedTerms.add(term));
    slot.weight =
      slot.terms.length > 0
        ? Math.max(...slot.terms.map((term) => index.termWeight[term]!))
        : (isNoiseWord(word) ? 0.1 : 1) * index.meanTermWeight;
    totalWeight += slot.weight;
    slots.push(slot);
    slotWords.push(word);
  }
  const heads = headTerms(index, slots);
  const phraseTitles = markPhrases(index, slots, slotWords, heads);
  return { slots, totalWeight, heads, phraseTitles, unknownWords, recognised };
}

/** The head noun is the word most often found ending titles ("nurse" in "rn icu", "clerk" in "ap clerk"). */
function headTerms(index: TitleIndex, slots: readonly QuerySlot[]): readonly number[] {
  let heads: readonly number[] = [];
  let bestRatio = MIN_HEAD_RATIO;
  for (const slot of slots) {
    const term = slot.terms[0];
    if (term === undefined || slot.factors[0] !== 1) continue;
    const ratio = index.termHeadRatio[term]!;
    if (ratio >= bestRatio) {
      bestRatio = ratio;
      heads = slot.terms;
    }
  }
  return heads;
}

/**
 * Neighbouring modifiers that titles also have side by side, in either order ("social media"):
 * their words are marked as phrased. Role words never bind — "building carpenter helper" is a
 * helper of carpenters, not a kind of "building carpenter" — and neither does the head noun.
 */
function markPhrases(
  index: TitleIndex,
  slots: readonly QuerySlot[],
  words: readonly string[],
  heads: readonly number[],
): Int32Array[] {
  const phraseTitles: Int32Array[] = [];
  let previous = -1;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const term = slot.terms[0];
    const modifier =
      term !== undefined &&
      slot.factors[0] === 1 &&
      !isNoiseWord(words[i]!) &&
      !heads.includes(term) &&
      index.termHeadRatio[term]! < MIN_HEAD_RATIO;
    if (!modifier) continue;
    if (previous >= 0) {
      const [pair] = neighbourPairs([stemWord(words[previous]!), stemWord(words[i]!)]);
      const titles = pair === undefined ? undefined : index.pairTitles.get(pair);
      if (titles) {
        phraseTitles.push(titles);
        slots[previous]!.phrased = true;
        slot.phrased = true;
      }
    }
    previous = i;
  }
  return phraseTitles;
}

/** The words of a query that nothing in the index recognises, even approximately ("zzqx"). */
export function unknownWords(index: TitleIndex, query: string): string[] {
  return analyzeQuery(index, query).unknownWords;
}
