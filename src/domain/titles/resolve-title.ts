import { isNoiseWord, stemWord, titleWords } from './title-analyzer.js';
import type { TitleIndex } from './title-index.js';
import { analyzeQuery, type AnalyzedQuery } from './title-query.js';

export interface TitleMatch {
  /** O*NET-SOC code, e.g. "13-1161.00". */
  code: string;
  /** The occupation's own title. */
  title: string;
  /** 0–1, higher is better: 0.9 and up is a (near-)exact title with supporting context. */
  score: number;
  /** The indexed title that matched best. */
  matched: string;
}

export interface ResolveOptions {
  /** How many occupations to return. */
  limit?: number;
  /**
   * Matches scoring below this are not worth showing — unless the best match is weak itself: then
   * those nearly as good (NEAR_BEST_SHARE of its score, MIN_CANDIDATE_SCORE at least) are shown
   * too, so a query with a word the index recognises gets candidates (scored low, so callers can ask).
   */
  minScore?: number;
  /** How the score is mixed; the defaults were chosen on held-out O*NET titles (bench/resolve.ts). */
  weights?: Partial<ScoringWeights>;
  /**
   * Words around the title — a résumé, the industry — that decide between occupations the title
   * fits alike (O*NET lists "Production Superintendent" under five). They never add an occupation.
   */
  context?: string;
}

/**
 * The final score mixes the best single title, how well the occupation's titles as a whole cover
 * the query (which generalises to word combinations no single title has), and how well its
 * description and tasks do. A title whose head noun differs from the query's ("nurse" vs
 * "nursing assistant") is a weaker match.
 */
export interface ScoringWeights {
  title: number;
  coverage: number;
  context: number;
  otherHead: number;
  prior: number;
  /** How much the words around the query (ResolveOptions.context) count. */
  background: number;
}

// Even an exact title match is blended: the same title is often listed under several occupations,
// and coverage and context then decide between them.
export const DEFAULT_WEIGHTS: ScoringWeights = {
  title: 0.5,
  coverage: 0.3,
  context: 0.2,
  otherHead: 0.6,
  prior: 0.05,
  background: 0.3,
};

export const DEFAULT_LIMIT = 5;
export const DEFAULT_MIN_SCORE = 0.3;
export const NEAR_BEST_SHARE = 0.6;
/** …but never under this, unless minScore itself is lower. A query of noise words alone ("senior 1") gets no such help. */
export const MIN_CANDIDATE_SCORE = 0.1;

/** A word of a query phrase ("social media") counts this much in a title with the head noun but not the phrase. */
const LOOSE_PHRASE_FACTOR = 0.5;
/** How much of a related occupation's modifier match an occupation with the query's head noun borrows. */
const RELATED_HEAD_SHARE = 0.8;

/** Ranks the occupations whose titles best match a free-text job title. */
export function resolveTitle(index: TitleIndex, query: string, options: ResolveOptions = {}): TitleMatch[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const analyzed = analyzeQuery(index, query);
  if (analyzed.totalWeight === 0 || limit <= 0) return [];

  const { phraseTitle, backgroundCoverage } = index.scratch;
  for (const titles of analyzed.phraseTitles) for (let i = 0; i < titles.length; i++) phraseTitle[titles[i]!] = 1;
  const touched = accumulate(index, analyzed);
  for (const titles of analyzed.phraseTitles) for (let i = 0; i < titles.length; i++) phraseTitle[titles[i]!] = 0;
  if (options.context) addBackground(index, options.context, backgroundCoverage);
  for (const head of analyzed.heads) index.scratch.headTerm[head] = 1;
  scoreTitles(index, analyzed, touched.titles, weights.otherHead);
  scoreOccupations(index, analyzed, touched.occupations, weights);
  // Task words reach occupations the query did not touch; the buffer is small, so it is cleared whole.
  index.scratch.contextCoverage.fill(0);
  if (analyzed.heads.length > 0) lendToRelatedHeads(index, touched.occupations);
  for (const head of analyzed.heads) index.scratch.headTerm[head] = 0;
  const top = bestOccupations(index, touched.occupations, limit);
  if (options.context) backgroundCoverage.fill(0);

  const near = Math.max(MIN_CANDIDATE_SCORE, NEAR_BEST_SHARE * (top[0]?.score ?? 0));
  const floor = analyzed.recognised ? Math.min(minScore, near) : minScore;
  return top
    .filter((entry) => entry.score >= floor)
    .map(({ occupation, score }) => {
      const title = index.scratch.bestTitle[occupation]!;
      return {
        code: index.occupationCodes[occupation]!,
        title: index.occupationTitles[occupation]!,
        // The weights add up to a little over 1 (the prior comes on top), so a common occupation's exact title could pass 1.
        score: Math.min(1, Math.round(score * 1000) / 1000),
        // An occupation found through its tasks alone has no matching title: its own title stands in.
        matched: title === -1 ? index.occupationTitles[occupation]! : index.titleText[title]!,
      };
    });
}

/**
 * Adds each slot's weight to the titles, occupations (coverage) and task texts (context) that use
 * its terms. A slot of several terms (a word and its synonyms or corrections) counts once per
 * title and occupation, at its best term: a title with both "manager" and "supervisor" gets a
 * "leader" once. Returns how many titles and occupations it touched.
 */
function accumulate(index: TitleIndex, analyzed: AnalyzedQuery): { titles: number; occupations: number } {
  const { titleOverlap, titleLoose, touchedTitles, titleCoverage, contextCoverage, phraseTitle } = index.scratch;
  const { bestTitleScore, bestTitle, touchedOccupations, slotTitleGain, slotOccupationGain, slotContextGain } =
    index.scratch;
  let titleCount = 0;
  let occupationCount = 0;
  const touchOccupation = (occupation: number): void => {
    if (bestTitleScore[occupation] === -1) {
      bestTitleScore[occupation] = 0;
      bestTitle[occupation] = -1;
      touchedOccupations[occupationCount++] = occupation;
    }
  };
  for (const slot of analyzed.slots) {
    const loose = slot.phrased ? 1 - LOOSE_PHRASE_FACTOR : 0;
    // With one term a slot cannot count twice, so its gains go straight in; with more, the best term wins.
    const single = slot.terms.length === 1;
    const seenTitles: number[] = [];
    const seenOccupations: number[] = [];
    const seenContexts: number[] = [];
    for (let k = 0; k < slot.terms.length; k++) {
      const term = slot.terms[k]!;
      const gain = slot.weight * slot.factors[k]!;
      const titles = index.termTitles[term]!;
      for (let i = 0; i < titles.length; i++) {
        const title = titles[i]!;
        let added = gain;
        if (!single) {
          added = gain - slotTitleGain[title]!;
          if (added <= 0) continue;
          if (slotTitleGain[title] === 0) seenTitles.push(title);
          slotTitleGain[title] = gain;
        }
        if (titleOverlap[title] === 0) touchedTitles[titleCount++] = title;
        titleOverlap[title]! += added;
        if (loose > 0 && phraseTitle[title] === 0) titleLoose[title]! += added * loose;
      }
      const occupations = index.termOccupations[term]!;
      const strength = index.termOccupationStrength[term]!;
      for (let i = 0; i < occupations.length; i++) {
        const occupation = occupations[i]!;
        touchOccupation(occupation);
        let added = gain * strength[i]!;
        if (!single) {
          added -= slotOccupationGain[occupation]!;
          if (added <= 0) continue;
          if (slotOccupationGain[occupation] === 0) seenOccupations.push(occupation);
          slotOccupationGain[occupation]! += added;
        }
        titleCoverage[occupation]! += added;
      }
      // Tasks alone name occupations only for a word no title has: "vocalists" is in a task of singers.
      const onlyInTasks = titles.length === 0;
      const described = index.termContexts[term]!;
      const describedStrength = index.termContextStrength[term]!;
      for (let i = 0; i < described.length; i++) {
        const occupation = described[i]!;
        if (onlyInTasks) touchOccupation(occupation);
        let added = gain * describedStrength[i]!;
        if (!single) {
          added -= slotContextGain[occupation]!;
          if (added <= 0) continue;
          if (slotContextGain[occupation] === 0) seenContexts.push(occupation);
          slotContextGain[occupation]! += added;
        }
        contextCoverage[occupation]! += added;
      }
    }
    for (const title of seenTitles) slotTitleGain[title] = 0;
    for (const occupation of seenOccupations) slotOccupationGain[occupation] = 0;
    for (const occupation of seenContexts) slotContextGain[occupation] = 0;
  }
  return { titles: titleCount, occupations: occupationCount };
}

/** Each touched occupation's best title score, from the overlap of each touched title (reset as it goes). */
function scoreTitles(index: TitleIndex, analyzed: AnalyzedQuery, titleCount: number, otherHead: number): void {
  const { titleOverlap, titleLoose, touchedTitles, bestTitleScore, bestTitle, bestHeaded } = index.scratch;
  for (let i = 0; i < titleCount; i++) {
    const title = touchedTitles[i]!;
    // Among titles with the head noun, the query's phrases decide ("social media" over "social services").
    const headed = analyzed.heads.length === 0 || hasHead(index, title);
    const overlap = headed ? titleOverlap[title]! - titleLoose[title]! : titleOverlap[title]!;
    let score = (2 * overlap) / (analyzed.totalWeight + index.titleWeight[title]!);
    if (!headed) score *= otherHead;
    titleOverlap[title] = 0;
    titleLoose[title] = 0;
    const occupation = index.titleOccupation[title]!;
    if (score > bestTitleScore[occupation]!) {
      bestTitleScore[occupation] = score;
      bestTitle[occupation] = title;
      bestHeaded[occupation] = headed ? 1 : 0;
    }
  }
}

/** The mixed score of each touched occupation (ScoringWeights), into scratch.occupationScore. */
function scoreOccupations(
  index: TitleIndex,
  analyzed: AnalyzedQuery,
  occupationCount: number,
  weights: ScoringWeights,
): void {
  const { touchedOccupations, titleCoverage, contextCoverage, bestTitleScore, occupationScore, backgroundCoverage } =
    index.scratch;
  for (let i = 0; i < occupationCount; i++) {
    const occupation = touchedOccupations[i]!;
    const covered = Math.min(1, titleCoverage[occupation]! / analyzed.totalWeight);
    const described = Math.min(1, contextCoverage[occupation]! / analyzed.totalWeight);
    titleCoverage[occupation] = 0;
    occupationScore[occupation] =
      weights.title * bestTitleScore[occupation]! +
      weights.coverage * covered +
      weights.context * described +
      weights.prior * index.occupationPrior[occupation]! +
      weights.background * Math.min(1, backgroundCoverage[occupation]!);
  }
}

/** The best `limit` touched occupations in a small sorted list (most never make it); resets the touched state. */
function bestOccupations(
  index: TitleIndex,
  occupationCount: number,
  limit: number,
): { occupation: number; score: number }[] {
  const { touchedOccupations, bestTitleScore, occupationScore } = index.scratch;
  const top: { occupation: number; score: number }[] = [];
  for (let i = 0; i < occupationCount; i++) {
    const occupation = touchedOccupations[i]!;
    const score = occupationScore[occupation]!;
    bestTitleScore[occupation] = -1;
    if (top.length === limit && score <= top[limit - 1]!.score) continue;
    let at = top.length;
    while (
      at > 0 &&
      (score > top[at - 1]!.score || (score === top[at - 1]!.score && occupation < top[at - 1]!.occupation))
    )
      at--;
    top.splice(at, 0, { occupation, score });
    if (top.length > limit) top.pop();
  }
  return top;
}

/** True when the title ends in one of the query's head terms (marked in scratch.headTerm for the query). */
function hasHead(index: TitleIndex, title: number): boolean {
  const { titleHeads, titleHeadStart, scratch } = index;
  for (let i = titleHeadStart[title]!; i < titleHeadStart[title + 1]!; i++)
    if (scratch.headTerm[titleHeads[i]!] === 1) return true;
  return false;
}

/**
 * The head noun weighs more: an occupation whose best title matches a query's modifiers but not
 * its head ("Social Media Strategist" for "social media manager") vouches for its closely related
 * occupations whose best title does have the head (Marketing Managers): they score at least
 * RELATED_HEAD_SHARE of its score. Only a lender's own score is lent, so nothing is lent twice.
 */
function lendToRelatedHeads(index: TitleIndex, occupationCount: number): void {
  const { touchedOccupations, bestTitle, bestTitleScore, bestHeaded, occupationScore } = index.scratch;
  for (let i = 0; i < occupationCount; i++) {
    const lender = touchedOccupations[i]!;
    if (bestTitle[lender] === -1 || bestHeaded[lender] === 1) continue;
    const lent = occupationScore[lender]! * RELATED_HEAD_SHARE;
    const related = index.relatedOccupations[lender]!;
    for (let k = 0; k < related.length; k++) {
      const borrower = related[k]!;
      if (bestTitleScore[borrower] === -1 || bestTitle[borrower] === -1 || bestHeaded[borrower] === 0) continue;
      if (lent > occupationScore[borrower]!) occupationScore[borrower] = lent;
    }
  }
}

/** Adds to `into` how strongly each occupation's titles and tasks use the words of `text` (0–1 of their weight). */
function addBackground(index: TitleIndex, text: string, into: Float64Array): void {
  const terms = new Set<number>();
  for (const word of titleWords(text)) {
    const term = index.termIds.get(stemWord(word));
    if (term !== undefined && !isNoiseWord(word)) terms.add(term);
  }
  let total = 0;
  for (const term of terms) total += index.termWeight[term]!;
  if (total === 0) return;
  for (const term of terms) {
    const gain = index.termWeight[term]! / total;
    const occupations = index.termOccupations[term]!;
    const strength = index.termOccupationStrength[term]!;
    for (let i = 0; i < occupations.length; i++) into[occupations[i]!]! += gain * strength[i]!;
    const described = index.termContexts[term]!;
    const describedStrength = index.termContextStrength[term]!;
    for (let i = 0; i < described.length; i++) into[described[i]!]! += gain * describedStrength[i]!;
  }
}
