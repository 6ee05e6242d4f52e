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
   * those nearly as good (NEAR_BEST_SHARE of its score) are shown too, so a query with a word the
   * index recognises always gets candidates (scored low, so callers can ask).
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
  scoreTitles(index, analyzed, touched.titles, weights.otherHead);
  scoreOccupations(index, analyzed, touched.occupations, weights);
  if (analyzed.heads.length > 0) lendToRelatedHeads(index, analyzed.heads, touched.occupations);
  const top = bestOccupations(index, touched.occupations, limit);
  if (options.context) backgroundCoverage.fill(0);

  const floor = Math.min(minScore, NEAR_BEST_SHARE * (top[0]?.score ?? 0));
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
 * its terms. A slot counts once per title and occupation, at its best term: a title with both
 * "manager" and "supervisor" gets a "leader" once. Returns how many titles and occupations it touched.
 */
function accumulate(index: TitleIndex, analyzed: AnalyzedQuery): { titles: number; occupations: number } {
  const { titleOverlap, titleLoose, touchedTitles, titleCoverage, contextCoverage } = index.scratch;
  const { bestTitleScore, bestTitle, touchedOccupations, phraseTitle, slotTitleGain, slotOccupationGain } =
    index.scratch;
  const { slotContextGain } = index.scratch;
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
    const slotTitles: number[] = [];
    const slotOccupations: number[] = [];
    for (let k = 0; k < slot.terms.length; k++) {
      const term = slot.terms[k]!;
      const gain = slot.weight * slot.factors[k]!;
      const titles = index.termTitles[term]!;
      for (let i = 0; i < titles.length; i++) {
        const title = titles[i]!;
        const added = gain - slotTitleGain[title]!;
        if (added <= 0) continue;
        if (slotTitleGain[title] === 0) slotTitles.push(title);
        slotTitleGain[title] = gain;
        if (titleOverlap[title] === 0) touchedTitles[titleCount++] = title;
        titleOverlap[title]! += added;
        if (phraseTitle[title] === 0) titleLoose[title]! += added * loose;
      }
      const occupations = index.termOccupations[term]!;
      const strength = index.termOccupationStrength[term]!;
      for (let i = 0; i < occupations.length; i++) {
        const occupation = occupations[i]!;
        touchOccupation(occupation);
        if (slotOccupationGain[occupation] === 0 && slotContextGain[occupation] === 0) slotOccupations.push(occupation);
        const added = gain * strength[i]! - slotOccupationGain[occupation]!;
        if (added <= 0) continue;
        slotOccupationGain[occupation]! += added;
        titleCoverage[occupation]! += added;
      }
      const described = index.termContexts[term]!;
      const describedStrength = index.termContextStrength[term]!;
      for (let i = 0; i < described.length; i++) {
        const occupation = described[i]!;
        // Tasks alone can name an occupation: "vocalists" is in a task of musicians and singers.
        touchOccupation(occupation);
        if (slotOccupationGain[occupation] === 0 && slotContextGain[occupation] === 0) slotOccupations.push(occupation);
        const added = gain * describedStrength[i]! - slotContextGain[occupation]!;
        if (added <= 0) continue;
        slotContextGain[occupation]! += added;
        contextCoverage[occupation]! += added;
      }
    }
    for (const title of slotTitles) slotTitleGain[title] = 0;
    for (const occupation of slotOccupations) {
      slotOccupationGain[occupation] = 0;
      slotContextGain[occupation] = 0;
    }
  }
  return { titles: titleCount, occupations: occupationCount };
}

/** Each touched occupation's best title score, from the overlap of each touched title (reset as it goes). */
function scoreTitles(index: TitleIndex, analyzed: AnalyzedQuery, titleCount: number, otherHead: number): void {
  const { titleOverlap, titleLoose, touchedTitles, bestTitleScore, bestTitle } = index.scratch;
  for (let i = 0; i < titleCount; i++) {
    const title = touchedTitles[i]!;
    // Among titles with the head noun, the query's phrases decide ("social media" over "social services").
    const headed = analyzed.heads.length === 0 || hasHead(index, title, analyzed.heads);
    const overlap = headed ? titleOverlap[title]! - titleLoose[title]! : titleOverlap[title]!;
    let score = (2 * overlap) / (analyzed.totalWeight + index.titleWeight[title]!);
    if (!headed) score *= otherHead;
    titleOverlap[title] = 0;
    titleLoose[title] = 0;
    const occupation = index.titleOccupation[title]!;
    if (score > bestTitleScore[occupation]!) {
      bestTitleScore[occupation] = score;
      bestTitle[occupation] = title;
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
    contextCoverage[occupation] = 0;
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

function hasHead(index: TitleIndex, title: number, heads: readonly number[]): boolean {
  for (let i = index.titleHeadStart[title]!; i < index.titleHeadStart[title + 1]!; i++)
    if (heads.includes(index.titleHeads[i]!)) return true;
  return false;
}

/**
 * The head noun weighs more: an occupation whose best title matches a query's modifiers but not
 * its head ("Social Media Strategist" for "social media manager") vouches for its closely related
 * occupations whose best title does have the head (Marketing Managers): they score at least
 * RELATED_HEAD_SHARE of its score. Only a lender's own score is lent, so nothing is lent twice.
 */
function lendToRelatedHeads(index: TitleIndex, heads: readonly number[], occupationCount: number): void {
  const { touchedOccupations, bestTitle, bestTitleScore, occupationScore } = index.scratch;
  for (let i = 0; i < occupationCount; i++) {
    const lender = touchedOccupations[i]!;
    const title = bestTitle[lender]!;
    if (title === -1 || hasHead(index, title, heads)) continue;
    const lent = occupationScore[lender]! * RELATED_HEAD_SHARE;
    for (const borrower of index.relatedOccupations[lender]!) {
      const borrowerTitle = bestTitle[borrower]!;
      if (bestTitleScore[borrower] === -1 || borrowerTitle === -1 || !hasHead(index, borrowerTitle, heads)) continue;
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
