import { memoisedStemmer } from '../text/memoised-stemmer.js';
import { wordTokens } from '../text/normalize.js';
import {
  ABBREVIATIONS,
  MODERN_PHRASES,
  NOISE_WORDS,
  ROLE_HEAD_WORDS,
  STOP_WORDS,
  WORD_FORM_ENDINGS,
} from './title-vocabulary.js';

// Porter conflates job words that name different work: an engineer is not an engine, a mechanical
// engineer not a mechanic, a product manager not a production manager, an operator not operations,
// a (software) developer not a development officer.
const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    engineer: 'engineer',
    engineers: 'engineer',
    engineering: 'engineer',
    engine: 'engine',
    engines: 'engine',
    mechanic: 'mechanic',
    mechanics: 'mechanic',
    mechanical: 'mechanical',
    product: 'product',
    products: 'product',
    production: 'production',
    producer: 'producer',
    producers: 'producer',
    operations: 'operations',
    operation: 'operations',
    operator: 'operator',
    operators: 'operator',
    developer: 'developer',
    developers: 'developer',
    data: 'data',
    database: 'database',
    databases: 'database',
  }),
);

/** Porter stem of a folded word (with a few job-title exceptions), memoised; queries bring words no title has. */
export const stemWord = memoisedStemmer(STEM_OVERRIDES, 100_000);

function pushWord(words: string[], token: string): void {
  const expansion = ABBREVIATIONS.get(token);
  if (expansion) words.push(...expansion);
  else if (!STOP_WORDS.has(token)) words.push(token);
}

/** Folded words of a title with abbreviations spelt out and filler dropped, in reading order. */
export function titleWords(text: string): string[] {
  const words: string[] = [];
  for (const token of wordTokens(text)) pushWord(words, token);
  return words;
}

/**
 * The words of a typed query: a title's words, with "head of …" and a closing "lead" read as the
 * role they name (manager, leader) rather than as seniority, and job-market phrases rewritten.
 */
export function queryWords(text: string): string[] {
  const tokens = wordTokens(text);
  const words: string[] = [];
  tokens.forEach((token, i) => {
    const role = ROLE_HEAD_WORDS.get(token);
    if (role !== undefined && (tokens[i + 1] === 'of' || (i > 0 && i === tokens.length - 1))) words.push(role);
    else pushWord(words, token);
  });
  return rewriteModernPhrases(words);
}

/** Other forms of a job word by its ending (actress → actor, draftsperson → draftsman), most likely first. */
export function wordForms(word: string): string[] {
  const forms: string[] = [];
  for (const [ending, replacement] of WORD_FORM_ENDINGS) {
    if (word.length > ending.length + 2 && word.endsWith(ending))
      forms.push(word.slice(0, word.length - ending.length) + replacement);
  }
  return forms;
}

/** Rewrites job-market phrases O*NET does not know ("full stack") into words it does. */
export function rewriteModernPhrases(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const match = MODERN_PHRASES.find(([phrase]) => phrase.every((word, k) => words[i + k] === word));
    if (match) {
      out.push(...match[1]);
      i += match[0].length - 1;
    } else out.push(words[i]!);
  }
  return out;
}

/** True for words about seniority or contract type rather than the work itself. */
export function isNoiseWord(word: string): boolean {
  return NOISE_WORDS.has(word);
}

/** Order-free keys of neighbouring work words ("shift engineer" and "engineer, shift" share one). */
export function neighbourPairs(stems: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < stems.length; i++) {
    const [a, b] = [stems[i - 1]!, stems[i]!];
    if (a !== b) pairs.push(a < b ? `${a} ${b}` : `${b} ${a}`);
  }
  return pairs;
}

/**
 * The head nouns of a title: the last word of each part joined by "and", a comma or a dash
 * ("Market Research Analysts and Marketing Specialists" → analyst, specialist).
 */
export function titleHeads(text: string): string[] {
  const mainPart = text.replace(/\(.*?\)/g, ' ');
  const heads: string[] = [];
  for (const part of mainPart.split(/,|\band\b|&|--|\s-\s|\//i)) {
    const words = titleWords(part).filter((word) => !isNoiseWord(word));
    const last = words[words.length - 1];
    if (last) heads.push(stemWord(last));
  }
  return heads;
}
