import { compilePhrases, matchPhrases, type PhraseAutomaton } from './phrase-automaton.js';
import { findSections, sectionAt, type Section, type SectionSpan } from './resume-sections.js';
import {
  DEGREE_REACH,
  DEGREE_START_WORDS,
  degreeAt,
  findAddresses,
  maskSpans,
  spanEndingAfter,
  type TextSpan,
} from './text-spans.js';
import { tokenStrings, type TokenStream } from './token-scanner.js';
import type { VocabularyEntry, VocabularySource } from './skill-vocabulary.js';

/** One place in a text where a skill is named. Offsets are UTF-16 indices into the text, end exclusive. */
export interface SkillMention {
  skillId: string;
  label: string;
  surface: string;
  start: number;
  end: number;
  /** 0–1: how sure the extractor is that the text claims this skill. */
  confidence: number;
  source: VocabularySource;
  section: Section;
  /** "no experience with X": the skill is named but not claimed. */
  negated: boolean;
}

export interface SkillExtractor {
  readonly vocabulary: readonly VocabularyEntry[];
  readonly automaton: PhraseAutomaton;
  /**
   * Per vocabulary entry: 1 for a short name that is a skill only when written as a name and in
   * context ("R", "Go", "Excel"); 2 for a one-word O*NET element that is a skill only next to a cue
   * ("strong writing skills", not "writing reports"); 3 for an O*NET acronym that counts only when
   * written in capitals ("DOE", not "Jane Doe").
   */
  readonly ambiguous: Uint8Array;
  /** Per canonical token id: which context lists the word is on (bit flags below). */
  readonly wordFlags: Uint8Array;
  /** Token buffers reused across calls (extraction is synchronous), grown when a text needs more. */
  scratch: TokenStream | undefined;
}

// Words that name a skill only when the text is about skills: "go to market", "the R&D team", "excel at".
const AMBIGUOUS_SURFACES = new Set([
  'r',
  'go',
  'c',
  'excel',
  'spark',
  'rust',
  'swift',
  'julia',
  'ruby',
  'dart',
  'chef',
  'puppet',
  'access',
  'word',
  'teams',
  'office',
  'shell',
  'cv',
  'ml',
  'tf',
  'js',
  'dl',
  'ai',
  'copilot',
  'torch',
  'gemini',
  'bard',
  'claude',
  'firefly',
  'llama',
  'ethics',
  'integrity',
  'java',
  'empathy',
  'innovation',
  'reasoning',
  'annotation',
  'diffusion',
  'distillation',
  'containers',
  'numeracy',
  'flexibility',
  'cooperation',
  'teamwork',
  'judgment',
  'judgement',
]);
const CUE_WORDS = [
  'programming',
  'program',
  'language',
  'languages',
  'code',
  'coding',
  'coded',
  'developer',
  'development',
  'scripts',
  'scripting',
  'proficient',
  'proficiency',
  'experience',
  'experienced',
  'skilled',
  'skills',
  'knowledge',
  'libraries',
  'library',
  'packages',
  'framework',
  'frameworks',
  'spreadsheets',
  'spreadsheet',
  'formulas',
  'pivot',
  'macros',
  'vba',
  'vlookup',
  'dataframes',
  'statistical',
  'tools',
  'stack',
  'sql',
  'python',
  'java',
  'javascript',
  'using',
  'certified',
  'expert',
  'advanced',
  'familiar',
  'fluent',
  'models',
  'prompts',
  'prompting',
  'teaching',
  'teach',
  'training',
  'course',
  'courses',
];
const NEGATION_WORDS = ['no', 'not', 'never', 'without', 'lack', 'lacks', 'lacking', 'unfamiliar', 'nor', 'none'];
const SOURCE_CONFIDENCE: Record<VocabularySource, number> = {
  graph: 0.95,
  'onet-technology': 0.85,
  'onet-tool': 0.75,
  'onet-element': 0.7,
  esco: 0.65,
};
const SECTION_FACTOR: Record<Section, number> = {
  skills: 1,
  experience: 0.95,
  projects: 0.95,
  summary: 0.9,
  education: 0.85,
  text: 0.85,
  hobbies: 0.45,
};
const CONTEXT_WINDOW = 4;
const AMBIGUOUS_NAME = 1;
const NEEDS_CUE = 2;
const EXACT_CASE = 3;
const ELEMENT_CUES = new Set([
  'skill',
  'skills',
  'knowledge',
  'operate',
  'operating',
  'operated',
  'strong',
  'excellent',
  'good',
  'ability',
  'abilities',
  'proficient',
  'proficiency',
  'expertise',
  'competence',
  'competencies',
]);
const NEGATION_WINDOW = 6;

/** Compiles the vocabulary into the extractor (done once; reused for every text). */
export function compileSkillExtractor(vocabulary: readonly VocabularyEntry[]): SkillExtractor {
  const ambiguous = new Uint8Array(vocabulary.length);
  vocabulary.forEach((entry, i) => {
    const tokens = tokenStrings(entry.surface);
    if (tokens.length === 1 && AMBIGUOUS_SURFACES.has(tokens[0]!)) ambiguous[i] = AMBIGUOUS_NAME;
    else if (entry.needsCue || (tokens.length === 1 && entry.source === 'onet-element')) ambiguous[i] = NEEDS_CUE;
    else if (entry.source !== 'graph' && /^[A-Z]{2,5}$/.test(entry.surface)) ambiguous[i] = EXACT_CASE;
  });
  const contextWords: [readonly string[] | ReadonlySet<string>, number][] = [
    [CUE_WORDS, CUE],
    [ELEMENT_CUES, ELEMENT_CUE],
    [NEGATION_WORDS, NEGATION],
    [DEGREE_START_WORDS, DEGREE_START],
  ];
  const automaton = compilePhrases(
    vocabulary.map((entry) => entry.surface),
    contextWords.flatMap(([words]) => [...words]),
  );
  // Context words become token ids, so the rules compare integers instead of slicing strings.
  const wordFlags = new Uint8Array(automaton.tokenCount);
  for (const [words, flag] of contextWords) for (const word of words) wordFlags[automaton.wordIds.get(word)!]! |= flag;
  return { vocabulary, automaton, ambiguous, wordFlags, scratch: undefined };
}

const CUE = 1;
const ELEMENT_CUE = 2;
const NEGATION = 4;
const DEGREE_START = 8;

/**
 * True when the tokens first..last lie in a degree name. A degree starts at a flagged word at most
 * DEGREE_REACH characters back, so only those are tried (each once: `tried` keeps the answers).
 */
function inDegree(
  extractor: SkillExtractor,
  text: string,
  stream: TokenStream,
  sections: readonly SectionSpan[],
  first: number,
  last: number,
  tried: Map<number, TextSpan | null>,
): boolean {
  const start = stream.starts[first]!;
  const end = stream.ends[last]!;
  for (let i = last; i >= 0 && stream.starts[i]! >= start - DEGREE_REACH; i--) {
    const id = stream.ids[i]!;
    if (id < 0 || (extractor.wordFlags[id]! & DEGREE_START) === 0) continue;
    let degree = tried.get(i);
    if (degree === undefined) tried.set(i, (degree = degreeAt(text, stream.starts[i]!, sections) ?? null));
    if (degree && degree.start < end && degree.end > start) return true;
  }
  return false;
}

function hasFlagNear(
  extractor: SkillExtractor,
  flag: number,
  stream: TokenStream,
  first: number,
  last: number,
): boolean {
  for (let i = Math.max(0, first - CONTEXT_WINDOW); i <= Math.min(stream.count - 1, last + CONTEXT_WINDOW); i++) {
    if (i >= first && i <= last) continue;
    const id = stream.ids[i]!;
    if (id >= 0 && (extractor.wordFlags[id]! & flag) !== 0) return true;
  }
  return false;
}

/** True when a sentence break (. ; ! ? or a new line) lies between two offsets. */
function breaksSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 || code === 59 || code === 33 || code === 63 || code === 10) return true;
  }
  return false;
}

function isNegated(extractor: SkillExtractor, text: string, stream: TokenStream, first: number): boolean {
  for (let i = first - 1; i >= Math.max(0, first - NEGATION_WINDOW); i--) {
    if (breaksSentence(text, stream.ends[i]!, stream.starts[i + 1]!)) return false;
    const id = stream.ids[i]!;
    if (id >= 0 && (extractor.wordFlags[id]! & NEGATION) !== 0) return true;
  }
  return false;
}

/** Capitalised as a name ("Go", "R", "Excel"), not as an ordinary word ("go", "excel at"). */
function writtenAsName(surface: string): boolean {
  const first = surface.charCodeAt(0);
  return first >= 65 && first <= 90;
}

/**
 * "LinkedIn: linkedin.com/in/jane", "· Email – jane@x.org": a name standing alone before an address
 * only labels it ("built with WordPress: https://…" still claims WordPress).
 */
function labelsAddress(text: string, start: number, end: number, addresses: readonly TextSpan[]): boolean {
  const next = spanEndingAfter(addresses, end);
  if (!next || next.start - end > 6 || !/^[ \t]*[:|\-–—]?[ \t]*$/.test(text.slice(end, next.start))) return false;
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  return before === 0 || '\n\r|·•,;'.includes(text[before - 1]!);
}

/**
 * Finds every skill named in a text, with offsets for highlighting, longest phrase first. URLs and
 * e-mail addresses are masked before matching ("linkedin.com/in/…" names no skill), and nothing
 * inside a degree name counts ("B.A. Communication" is what was studied, not a claim).
 */
export function extractSkills(extractor: SkillExtractor, text: string): SkillMention[] {
  const addresses = findAddresses(text);
  // Same-length masking: offsets into the masked text are offsets into the text.
  const { stream, matches } = matchPhrases(extractor.automaton, maskSpans(text, addresses), extractor.scratch);
  extractor.scratch = stream;
  const sections = matches.length > 0 ? findSections(text) : [];
  const degreesTried = new Map<number, TextSpan | null>();
  const mentions: SkillMention[] = [];
  const pendingAmbiguous: { mention: SkillMention; first: number; last: number }[] = [];
  for (const match of matches) {
    const entry = extractor.vocabulary[match.entry]!;
    const start = stream.starts[match.firstToken]!;
    const end = stream.ends[match.lastToken]!;
    if (
      inDegree(extractor, text, stream, sections, match.firstToken, match.lastToken, degreesTried) ||
      labelsAddress(text, start, end, addresses)
    )
      continue;
    const surface = text.slice(start, end);
    const section = sectionAt(sections, start);
    const negated = isNegated(extractor, text, stream, match.firstToken);
    const confidence = SOURCE_CONFIDENCE[entry.source] * SECTION_FACTOR[section] * (negated ? 0.2 : 1);
    const mention: SkillMention = {
      skillId: entry.skillId,
      label: entry.label,
      surface,
      start,
      end,
      confidence,
      source: entry.source,
      section,
      negated,
    };
    const ambiguity = extractor.ambiguous[match.entry];
    if (ambiguity === AMBIGUOUS_NAME) {
      if (writtenAsName(surface)) pendingAmbiguous.push({ mention, first: match.firstToken, last: match.lastToken });
    } else if (ambiguity === EXACT_CASE) {
      if (surface === entry.surface) mentions.push(mention);
    } else if (ambiguity === NEEDS_CUE) {
      if (section === 'skills' || hasFlagNear(extractor, ELEMENT_CUE, stream, match.firstToken, match.lastToken))
        mentions.push(mention);
    } else mentions.push(mention);
  }
  // An ambiguous name counts in a Skills section, next to a cue word, or beside another skill.
  for (const { mention, first, last } of pendingAmbiguous) {
    const besideSkill = mentions.some(
      (other) => Math.abs(other.start - mention.end) < 40 || Math.abs(mention.start - other.end) < 40,
    );
    if (mention.section === 'skills' || besideSkill || hasFlagNear(extractor, CUE, stream, first, last)) {
      mentions.push({ ...mention, confidence: mention.confidence * 0.85 });
    }
  }
  for (const mention of mentions) mention.confidence = Math.round(mention.confidence * 100) / 100;
  return mentions.sort((a, b) => a.start - b.start);
}

export interface FoundSkill {
  skillId: string;
  label: string;
  source: VocabularySource;
  /** The strongest claim among the mentions (negated mentions count only if nothing else does). */
  confidence: number;
  mentions: number;
  negated: boolean;
}

/** One row per skill: how often and how strongly the text claims it. */
export function summarizeMentions(mentions: readonly SkillMention[]): FoundSkill[] {
  const bySkill = new Map<string, { first: SkillMention; mentions: number; claimed: number; denied: number }>();
  for (const mention of mentions) {
    const found = bySkill.get(mention.skillId) ?? { first: mention, mentions: 0, claimed: -1, denied: -1 };
    found.mentions += 1;
    if (mention.negated) found.denied = Math.max(found.denied, mention.confidence);
    else found.claimed = Math.max(found.claimed, mention.confidence);
    bySkill.set(mention.skillId, found);
  }
  return [...bySkill.values()]
    .map(({ first, mentions: count, claimed, denied }) => ({
      skillId: first.skillId,
      label: first.label,
      source: first.source,
      confidence: claimed >= 0 ? claimed : denied,
      mentions: count,
      negated: claimed < 0,
    }))
    .sort(
      (a, b) => Number(a.negated) - Number(b.negated) || b.confidence - a.confidence || a.label.localeCompare(b.label),
    );
}
