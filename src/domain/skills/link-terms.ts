import { memoisedStemmer } from '../text/memoised-stemmer.js';
import { wordTokens } from '../text/normalize.js';

// Function words, and the filler every job ad wraps around a skill ("strong experience with", "ability
// to", "knowledge of"): matching them would rank skills that happen to contain "knowledge" or "ability".
const LINK_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or nor but of in on at to for from by with without within into onto over under about as ' +
    'is are was were be been being am do does did done has have had having will would shall should can could ' +
    'may might must this that these those it its we our ours you your yours they their them he she his her ' +
    'i me my us who whom whose which what when where why how all any both each every some such other others ' +
    'more most many much very also not no yes so than then too only own same just via per etc eg ie e g ' +
    'ability able abilities experience experienced experiences strong excellent good great proven solid ' +
    'demonstrated knowledge understanding familiarity familiar skill skills skilled proficiency proficient ' +
    'required requirement requirements require preferred plus including include includes year years ' +
    'candidate candidates ideal role position job opportunity responsibilities responsible member ' +
    'looking seeking must need needs needed well highly using use uses used like new one two three least ' +
    'continuously always often daily across various variety wide range key'
  ).split(' '),
);

// Porter cuts these to stems that collide with different skills' words ("data" = "date" would not,
// but "organ" from "organisation" joins anatomy): kept whole.
const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    organisation: 'organis',
    organization: 'organis',
    organisations: 'organis',
    organizations: 'organis',
    organise: 'organis',
    organize: 'organis',
    organising: 'organis',
    organizing: 'organis',
    data: 'data',
    python: 'python',
  }),
);

/** Porter stem of a folded word, memoised. */
export const linkStem = memoisedStemmer(STEM_OVERRIDES, 200_000);

// A version number written onto a name ("HTML5", "CSS3", "Python3") names the same skill.
const VERSION_SUFFIX = /^([a-z]{2,})\d+$/;

/** The content words of a text, folded, version numbers cut off, filler dropped, in reading order. */
export function linkWords(text: string): string[] {
  const words: string[] = [];
  for (const token of wordTokens(text)) {
    const word = VERSION_SUFFIX.exec(token)?.[1] ?? token;
    if (!LINK_STOP_WORDS.has(word)) words.push(word);
  }
  return words;
}

/** The content words of a text, stemmed, in reading order ("We code in Python" → code, python). */
export function linkTerms(text: string): string[] {
  return linkWords(text).map(linkStem);
}

/** Character 3- to 5-grams of each word with its boundaries marked (" java " → " ja", "jav", …). */
export function charGrams(words: readonly string[]): string[] {
  const grams: string[] = [];
  for (const word of words) {
    const marked = ` ${word} `;
    for (let size = 3; size <= 5; size++)
      for (let i = 0; i + size <= marked.length; i++) grams.push(marked.slice(i, i + size));
  }
  return grams;
}
