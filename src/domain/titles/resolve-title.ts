import { suggestSpellings } from '../text/spelling-index.js';
import { isNoiseWord, rewriteModernPhrases, stemWord, titleWords } from './title-analyzer.js';
import type { TitleIndex } from './title-index.js';

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
  /** Matches scoring below this are not worth showing. */
  minScore?: number;
  /** How the score is mixed; the defaults were chosen on held-out O*NET titles (bench/resolve.ts). */
  weights?: Partial<ScoringWeights>;
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
}

// Even an exact title match is blended: the same title is often listed under several occupations,
// and coverage and context then decide between them.
export const DEFAULT_WEIGHTS: ScoringWeights = { title: 0.5, coverage: 0.3, context: 0.2, otherHead: 0.6, prior: 0.05 };

export const DEFAULT_LIMIT = 5;
export const DEFAULT_MIN_SCORE = 0.3;

const SPELLING_FACTOR = [1, 0.85, 0.7] as const;

interface QuerySlot {
  terms: number[];
  factors: number[];
  weight: number;
}

interface AnalyzedQuery {
  slots: QuerySlot[];
  totalWeight: number;
  head: number | undefined;
}

function analyzeQuery(index: TitleIndex, query: string): AnalyzedQuery {
  const slots: QuerySlot[] = [];
  const usedTerms = new Set<number>();
  let totalWeight = 0;
  for (const word of rewriteModernPhrases(titleWords(query))) {
    const stem = stemWord(word);
    const known = index.termIds.get(stem);
    const slot: QuerySlot = { terms: [], factors: [], weight: 0 };
    if (known !== undefined) {
      slot.terms.push(known);
      slot.factors.push(1);
    } else {
      for (const candidate of suggestSpellings(index.spelling, word).slice(0, 3)) {
        const term = index.termIds.get(stemWord(candidate.word));
        if (term === undefined || slot.terms.includes(term)) continue;
        slot.terms.push(term);
        slot.factors.push(SPELLING_FACTOR[candidate.distance] ?? 0);
      }
    }
    if (slot.terms.some((term) => usedTerms.has(term))) continue;
    slot.terms.forEach((term) => usedTerms.add(term));
    slot.weight =
      slot.terms.length > 0
        ? Math.max(...slot.terms.map((term) => index.termWeight[term]!))
        : (isNoiseWord(word) ? 0.1 : 1) * index.meanTermWeight;
    totalWeight += slot.weight;
    slots.push(slot);
  }
  // The head noun is the word most often found ending titles ("nurse" in "rn icu", "clerk" in "ap clerk").
  let head: number | undefined;
  let bestRatio = 0.15;
  for (const slot of slots) {
    const term = slot.terms[0];
    if (term === undefined || slot.factors[0] !== 1) continue;
    const ratio = index.termHeadRatio[term]!;
    if (ratio >= bestRatio) {
      bestRatio = ratio;
      head = term;
    }
  }
  return { slots, totalWeight, head };
}

function hasHead(index: TitleIndex, title: number, head: number): boolean {
  for (let i = index.titleHeadStart[title]!; i < index.titleHeadStart[title + 1]!; i++)
    if (index.titleHeads[i] === head) return true;
  return false;
}

/** Ranks the occupations whose titles best match a free-text job title. */
export function resolveTitle(index: TitleIndex, query: string, options: ResolveOptions = {}): TitleMatch[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const analyzed = analyzeQuery(index, query);
  if (analyzed.totalWeight === 0 || limit <= 0) return [];

  const { titleOverlap, touchedTitles, titleCoverage, contextCoverage, bestTitleScore, bestTitle, touchedOccupations } =
    index.scratch;
  let titleCount = 0;
  let occupationCount = 0;
  const touchOccupation = (occupation: number): void => {
    if (bestTitleScore[occupation] === -1) {
      bestTitleScore[occupation] = 0;
      touchedOccupations[occupationCount++] = occupation;
    }
  };
  for (const slot of analyzed.slots) {
    for (let k = 0; k < slot.terms.length; k++) {
      const term = slot.terms[k]!;
      const gain = slot.weight * slot.factors[k]!;
      const titles = index.termTitles[term]!;
      for (let i = 0; i < titles.length; i++) {
        const title = titles[i]!;
        if (titleOverlap[title] === 0) touchedTitles[titleCount++] = title;
        titleOverlap[title]! += gain;
      }
      const occupations = index.termOccupations[term]!;
      const strength = index.termOccupationStrength[term]!;
      for (let i = 0; i < occupations.length; i++) {
        touchOccupation(occupations[i]!);
        titleCoverage[occupations[i]!]! += gain * strength[i]!;
      }
      const described = index.termContexts[term]!;
      const describedStrength = index.termContextStrength[term]!;
      for (let i = 0; i < described.length; i++) {
        contextCoverage[described[i]!]! += gain * describedStrength[i]!;
      }
    }
  }

  for (let i = 0; i < titleCount; i++) {
    const title = touchedTitles[i]!;
    let score = (2 * titleOverlap[title]!) / (analyzed.totalWeight + index.titleWeight[title]!);
    if (analyzed.head !== undefined && !hasHead(index, title, analyzed.head)) score *= weights.otherHead;
    titleOverlap[title] = 0;
    const occupation = index.titleOccupation[title]!;
    if (score > bestTitleScore[occupation]!) {
      bestTitleScore[occupation] = score;
      bestTitle[occupation] = title;
    }
  }

  // Keep only the best `limit` occupations, in a small sorted list: most touched ones never make it.
  const topScores: number[] = [];
  const topOccupations: number[] = [];
  for (let i = 0; i < occupationCount; i++) {
    const occupation = touchedOccupations[i]!;
    const titleScore = bestTitleScore[occupation]!;
    const covered = Math.min(1, titleCoverage[occupation]! / analyzed.totalWeight);
    const described = Math.min(1, contextCoverage[occupation]! / analyzed.totalWeight);
    bestTitleScore[occupation] = -1;
    titleCoverage[occupation] = 0;
    const score =
      weights.title * titleScore +
      weights.coverage * covered +
      weights.context * described +
      weights.prior * index.occupationPrior[occupation]!;
    if (score < minScore || (topScores.length === limit && score <= topScores[limit - 1]!)) continue;
    let at = topScores.length;
    while (
      at > 0 &&
      (score > topScores[at - 1]! || (score === topScores[at - 1]! && occupation < topOccupations[at - 1]!))
    )
      at--;
    topScores.splice(at, 0, score);
    topOccupations.splice(at, 0, occupation);
    if (topScores.length > limit) {
      topScores.pop();
      topOccupations.pop();
    }
  }
  contextCoverage.fill(0);
  return topOccupations.map((occupation, i) => ({
    code: index.occupationCodes[occupation]!,
    title: index.occupationTitles[occupation]!,
    // The weights add up to a little over 1 (the prior comes on top), so a common occupation's exact title could pass 1.
    score: Math.min(1, Math.round(topScores[i]! * 1000) / 1000),
    matched: index.titleText[bestTitle[occupation]!]!,
  }));
}
