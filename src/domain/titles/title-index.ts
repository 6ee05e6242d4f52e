import { buildNgramIndex, type NgramIndex } from '../text/ngram-index.js';
import { buildSpellingIndex, type SpellingIndex } from '../text/spelling-index.js';
import { isNoiseWord, neighbourPairs, stemWord, titleHeads, titleWords } from './title-analyzer.js';

/** One way an occupation is called: its own title, an alternate title, a short or reported title. */
export interface TitleEntry {
  code: string;
  title: string;
}

export interface OccupationName {
  code: string;
  title: string;
  /** 0–1 prior that a title belongs here, e.g. from employment: common jobs are typed more often. */
  prior?: number;
}

/** What an occupation's work is about (its description and task statements), for words no title uses. */
export interface OccupationContext {
  code: string;
  text: string;
}

/** Two occupations O*NET calls closely related (its Primary-Short tier): the specialist and their manager. */
export interface OccupationRelation {
  code: string;
  relatedCode: string;
}

/**
 * Compact, read-only index of every known title, built once and queried many times.
 * Terms are Porter stems; postings are typed arrays so a query touches little memory.
 */
export interface TitleIndex {
  readonly occupationCodes: readonly string[];
  readonly occupationTitles: readonly string[];
  readonly occupationPrior: Float64Array;
  readonly titleText: readonly string[];
  readonly titleOccupation: Int32Array;
  readonly titleWeight: Float64Array;
  /** Head nouns of each title, flattened: the heads of title t are titleHeads[titleHeadStart[t] .. titleHeadStart[t + 1]). */
  readonly titleHeads: Int32Array;
  readonly titleHeadStart: Int32Array;
  readonly termIds: ReadonlyMap<string, number>;
  readonly termWeight: Float64Array;
  /** How often a term ends a title, relative to how often it appears: high for "nurse", low for "care". */
  readonly termHeadRatio: Float64Array;
  readonly termTitles: readonly Int32Array[];
  readonly termOccupations: readonly Int32Array[];
  /** Per term posting above: how strongly the occupation's titles use the term (0–1). */
  readonly termOccupationStrength: readonly Float64Array[];
  /** Term → occupations whose description or tasks use it, with a 0–1 strength. */
  readonly termContexts: readonly Int32Array[];
  readonly termContextStrength: readonly Float64Array[];
  /** Occupation → its closely related occupations (OccupationRelation), where a query's head noun may live instead. */
  readonly relatedOccupations: readonly Int32Array[];
  /** Neighbouring work-word pairs (neighbourPairs) → the titles that have them, ascending. */
  readonly pairTitles: ReadonlyMap<string, Int32Array>;
  readonly spelling: SpellingIndex;
  /** Letter trigrams of every title word, for words too far from any for spelling correction. */
  readonly ngrams: NgramIndex;
  readonly meanTermWeight: number;
  /** Reusable per-query buffers: a query is synchronous, so one set serves every call without allocating. */
  readonly scratch: ResolveScratch;
}

export interface ResolveScratch {
  titleOverlap: Float64Array;
  /** What a title's overlap loses, if it has the head noun, for words apart from their query phrase. */
  titleLoose: Float64Array;
  touchedTitles: Int32Array;
  titleCoverage: Float64Array;
  contextCoverage: Float64Array;
  bestTitleScore: Float64Array;
  bestTitle: Int32Array;
  touchedOccupations: Int32Array;
  occupationScore: Float64Array;
  /** 1 when the occupation's best title has the query's head noun. */
  bestHeaded: Uint8Array;
  /** 1 for the current query's head terms. */
  headTerm: Uint8Array;
  /** 1 for titles that have a phrase of the current query, reset after each query. */
  phraseTitle: Uint8Array;
  /** The gain the current query word gave each title, occupation and task text so far (a word counts once). */
  slotTitleGain: Float64Array;
  slotOccupationGain: Float64Array;
  slotContextGain: Float64Array;
  /** How well the occupation fits the words around the query (a résumé, an industry). */
  backgroundCoverage: Float64Array;
}

function createScratch(titleCount: number, occupationCount: number, termCount: number): ResolveScratch {
  return {
    titleOverlap: new Float64Array(titleCount),
    titleLoose: new Float64Array(titleCount),
    touchedTitles: new Int32Array(titleCount),
    titleCoverage: new Float64Array(occupationCount),
    contextCoverage: new Float64Array(occupationCount),
    bestTitleScore: new Float64Array(occupationCount).fill(-1),
    bestTitle: new Int32Array(occupationCount),
    touchedOccupations: new Int32Array(occupationCount),
    occupationScore: new Float64Array(occupationCount),
    bestHeaded: new Uint8Array(occupationCount),
    headTerm: new Uint8Array(termCount),
    phraseTitle: new Uint8Array(titleCount),
    slotTitleGain: new Float64Array(titleCount),
    slotOccupationGain: new Float64Array(occupationCount),
    slotContextGain: new Float64Array(occupationCount),
    backgroundCoverage: new Float64Array(occupationCount),
  };
}

/** Seniority and contract words still count, but only this much of a normal word. */
export const NOISE_WEIGHT = 0.1;

/** Sorted, de-duplicated term list of a title: the key that makes "Nurse, Registered" equal "Registered Nurse". */
function termKey(terms: readonly number[]): string {
  return [...new Set(terms)].sort((a, b) => a - b).join(' ');
}

function splitAliases(title: string): string[] {
  // "Search Engine Marketing Specialist (SEM Specialist)": the bracket is an alias of its own.
  const inside = [...title.matchAll(/\(([^)]+)\)/g)].map((match) => match[1]!);
  const outside = title.replace(/\([^)]*\)/g, ' ').trim();
  return [outside, ...inside].filter((part) => part.length > 0);
}

interface DraftTitle {
  occupation: number;
  text: string;
  terms: number[];
  heads: number[];
  pairs: string[];
}

/** Builds the index from occupations and all their titles (unknown codes are ignored). */
export function buildTitleIndex(
  occupations: readonly OccupationName[],
  titles: readonly TitleEntry[],
  contexts: readonly OccupationContext[] = [],
  relations: readonly OccupationRelation[] = [],
): TitleIndex {
  const occupationIndex = new Map<string, number>();
  occupations.forEach((occupation, i) => occupationIndex.set(occupation.code, i));

  const termIds = new Map<string, number>();
  const termOf = (stem: string): number => {
    let id = termIds.get(stem);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(stem, id);
    }
    return id;
  };
  const noiseTerms = new Set<number>();
  const rawWords = new Set<string>();
  const drafts: DraftTitle[] = [];
  const seen = new Set<string>();

  const addTitle = (occupation: number, text: string): void => {
    for (const part of splitAliases(text)) {
      const words = titleWords(part);
      if (words.length === 0) continue;
      const terms = [
        ...new Set(
          words.map((word) => {
            rawWords.add(word);
            const id = termOf(stemWord(word));
            if (isNoiseWord(word)) noiseTerms.add(id);
            return id;
          }),
        ),
      ];
      const dedupeKey = `${occupation}|${termKey(terms)}`;
      if (seen.has(dedupeKey)) continue;
      seen.add(dedupeKey);
      const pairs = neighbourPairs(words.filter((word) => !isNoiseWord(word)).map(stemWord));
      drafts.push({ occupation, text: part, terms, heads: titleHeads(part).map(termOf), pairs });
    }
  };
  occupations.forEach((occupation, i) => addTitle(i, occupation.title));
  for (const entry of titles) {
    const occupation = occupationIndex.get(entry.code);
    if (occupation !== undefined) addTitle(occupation, entry.title);
  }

  const contextCounts = new Map<number, Map<number, number>>();
  for (const context of contexts) {
    const occupation = occupationIndex.get(context.code);
    if (occupation === undefined) continue;
    for (const word of titleWords(context.text)) {
      if (isNoiseWord(word)) continue;
      const term = termOf(stemWord(word));
      let counts = contextCounts.get(term);
      if (!counts) contextCounts.set(term, (counts = new Map()));
      counts.set(occupation, (counts.get(occupation) ?? 0) + 1);
    }
  }

  const termCount = termIds.size;
  const documentFrequency = new Int32Array(termCount);
  const headFrequency = new Int32Array(termCount);
  for (const draft of drafts) {
    for (const term of draft.terms) documentFrequency[term]! += 1;
    for (const head of new Set(draft.heads)) headFrequency[head]! += 1;
  }
  const termWeight = new Float64Array(termCount);
  const termHeadRatio = new Float64Array(termCount);
  let weightSum = 0;
  for (let term = 0; term < termCount; term++) {
    const idf = Math.log(1 + drafts.length / Math.max(1, documentFrequency[term]!));
    termWeight[term] = noiseTerms.has(term) ? idf * NOISE_WEIGHT : idf;
    termHeadRatio[term] = headFrequency[term]! / Math.max(1, documentFrequency[term]!);
    weightSum += termWeight[term]!;
  }

  // Postings: term → titles, and term → occupations with the share of their titles using it.
  const titlePostings: number[][] = Array.from({ length: termCount }, () => []);
  const occupationTermCounts: Map<number, number>[] = Array.from({ length: termCount }, () => new Map());
  const pairLists = new Map<string, number[]>();
  const titleWeight = new Float64Array(drafts.length);
  const titleOccupation = new Int32Array(drafts.length);
  drafts.forEach((draft, i) => {
    titleOccupation[i] = draft.occupation;
    let weight = 0;
    for (const term of draft.terms) {
      titlePostings[term]!.push(i);
      const counts = occupationTermCounts[term]!;
      counts.set(draft.occupation, (counts.get(draft.occupation) ?? 0) + 1);
      weight += termWeight[term]!;
    }
    titleWeight[i] = weight;
    for (const pair of new Set(draft.pairs)) {
      const list = pairLists.get(pair);
      if (list) list.push(i);
      else pairLists.set(pair, [i]);
    }
  });
  // Saturating strengths: the first titles (or task mentions) of a word say most; more add little.
  const titleUse = occupationTermCounts.map((counts) => toPostings(counts, 2));
  const contextUse = Array.from({ length: termCount }, (_, term) =>
    toPostings(contextCounts.get(term) ?? new Map(), 1),
  );

  const related: number[][] = occupations.map(() => []);
  for (const relation of relations) {
    const [from, to] = [occupationIndex.get(relation.code), occupationIndex.get(relation.relatedCode)];
    if (from !== undefined && to !== undefined && from !== to && !related[from]!.includes(to)) related[from]!.push(to);
  }

  return {
    occupationCodes: occupations.map((occupation) => occupation.code),
    occupationTitles: occupations.map((occupation) => occupation.title),
    occupationPrior: Float64Array.from(occupations, (occupation) => occupation.prior ?? 0),
    titleText: drafts.map((draft) => draft.text),
    titleOccupation,
    titleWeight,
    ...flattenHeads(drafts.map((draft) => [...new Set(draft.heads)])),
    relatedOccupations: related.map((list) => Int32Array.from(list)),
    termIds,
    termWeight,
    termHeadRatio,
    termTitles: titlePostings.map((list) => Int32Array.from(list)),
    termOccupations: titleUse.map((postings) => postings.ids),
    termOccupationStrength: titleUse.map((postings) => postings.strength),
    termContexts: contextUse.map((postings) => postings.ids),
    termContextStrength: contextUse.map((postings) => postings.strength),
    pairTitles: new Map([...pairLists].map(([pair, list]) => [pair, Int32Array.from(list)])),
    spelling: buildSpellingIndex(rawWords),
    ngrams: buildNgramIndex(rawWords),
    meanTermWeight: termCount > 0 ? weightSum / termCount : 1,
    scratch: createScratch(drafts.length, occupations.length, termCount),
  };
}

function flattenHeads(heads: number[][]): { titleHeads: Int32Array; titleHeadStart: Int32Array } {
  const titleHeadStart = new Int32Array(heads.length + 1);
  heads.forEach((list, i) => (titleHeadStart[i + 1] = titleHeadStart[i]! + list.length));
  return { titleHeads: Int32Array.from(heads.flat()), titleHeadStart };
}

function toPostings(
  counts: ReadonlyMap<number, number>,
  halfStrengthAt: number,
): { ids: Int32Array; strength: Float64Array } {
  const ids = new Int32Array(counts.size);
  const strength = new Float64Array(counts.size);
  let k = 0;
  for (const [occupation, count] of counts) {
    ids[k] = occupation;
    strength[k] = count / (count + halfStrengthAt);
    k++;
  }
  return { ids, strength };
}

/** 0–1 priors from US employment (log scale): a title typed by a person more likely names a common job. */
export function employmentPriors(employment: readonly (number | null)[]): number[] {
  const logs = employment.map((jobs) => (jobs && jobs > 1 ? Math.log10(jobs) : 0));
  const max = Math.max(1, ...logs);
  return logs.map((value) => value / max);
}
