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
import { foldCharCode, tokenStrings, type TokenStream } from './token-scanner.js';
import {
  compileSkillPhrases,
  matchSkillPhrases,
  type CompiledSkillPhrases,
  type SkillPhrase,
} from './skill-phrases.js';
import {
  buildVocabulary,
  escoSurfaceIndex,
  type EscoLink,
  type MentionKind,
  type VocabularyEntry,
  type VocabularyInputs,
  type VocabularySource,
} from './skill-vocabulary.js';

/** One place in a text where a skill is named. Offsets are UTF-16 indices into the text, end exclusive. */
export interface SkillMention {
  skillId: string;
  label: string;
  surface: string;
  start: number;
  end: number;
  /** 0–1: how sure the extractor is that the text claims this skill. */
  confidence: number;
  /** Which vocabulary named it; 'phrase' for a skill written as a phrase ("team player"). */
  source: VocabularySource | 'phrase';
  /** What it is: an AI skill of the graph, another skill, knowledge, a tool, a language, a certification. */
  kind: MentionKind;
  /** The ESCO skill it is, when ESCO is loaded. */
  esco: EscoLink | null;
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
  /** Skills written as phrases, matched on the same token stream. */
  readonly phrases: CompiledSkillPhrases;
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
// Of those, the ones job ads also write in lower case ("java, spring boot"); context still decides.
const LOWER_CASE_NAMES = new Set(['java', 'spark', 'ruby', 'rust', 'swift', 'julia', 'dart', 'puppet', 'chef']);
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
  'use',
  'used',
  'uses',
  'built',
  'coursework',
  'years',
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
// Words that make a language name a claim: "fluent English", "written and spoken German".
const LANGUAGE_CUES = [
  'fluent',
  'fluency',
  'fluently',
  'spoken',
  'written',
  'speak',
  'speaks',
  'speaking',
  'native',
  'bilingual',
  'language',
  'languages',
  'proficient',
  'proficiency',
  'verbal',
  'oral',
  'command',
  'mother',
  'tongue',
  'communication',
  'skills',
  'knowledge',
  'excellent',
  'good',
  'strong',
  'business',
];
// A name right before one of these is part of a job title ("Java Developer", "DevOps Engineer"), not a claim.
const ROLE_NOUNS = [
  'developer',
  'developers',
  'engineer',
  'engineers',
  'architect',
  'architects',
  'consultant',
  'consultants',
  'specialist',
  'administrator',
  'programmer',
  'programmers',
  'tester',
  'technician',
  'evangelist',
];
const SOURCE_CONFIDENCE: Record<VocabularySource | 'phrase', number> = {
  graph: 0.95,
  lexicon: 0.9,
  phrase: 0.6,
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
  'certified',
  'trained',
  'licensed',
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

/** The extractor of every vocabulary: graph, lexicon, O*NET and ESCO surfaces, and the skill phrases. */
export function buildSkillExtractor(inputs: VocabularyInputs & { phrases?: readonly SkillPhrase[] }): SkillExtractor {
  // One surface index serves the vocabulary's links and the phrases' (built once: ESCO has 110k surfaces).
  const escoIndex = escoSurfaceIndex(inputs.esco ?? []);
  return compileSkillExtractor(buildVocabulary(inputs, escoIndex), inputs.phrases ?? [], escoIndex);
}

/** Compiles the vocabulary into the extractor (done once; reused for every text). */
export function compileSkillExtractor(
  vocabulary: readonly VocabularyEntry[],
  phrases: readonly SkillPhrase[] = [],
  escoIndex: ReadonlyMap<string, EscoLink> = new Map(),
): SkillExtractor {
  const ambiguous = new Uint8Array(vocabulary.length);
  vocabulary.forEach((entry, i) => {
    const tokens = tokenStrings(entry.surface);
    // An authored name that is also a word ("Spring", "Jest", "Angular") is like the short names above.
    if (tokens.length === 1 && (AMBIGUOUS_SURFACES.has(tokens[0]!) || (entry.source === 'lexicon' && entry.needsCue)))
      ambiguous[i] = AMBIGUOUS_NAME;
    else if (entry.source !== 'graph' && /^[A-Z]{2,5}s?$/.test(entry.surface)) ambiguous[i] = EXACT_CASE;
    // ESCO's own name for a skill, of two words or more, is one ("patient assessment"); its synonyms and
    // one-word names are often everyday phrases, so they count with evidence only.
    else if (entry.source === 'esco' && !entry.needsCue && (tokens.length < 2 || entry.surface !== entry.label))
      ambiguous[i] = NEEDS_EVIDENCE;
    // The graph's everyday words ("Collaboration", "statistics") need evidence too, a line of their own included.
    else if (entry.source === 'graph' && entry.needsCue) ambiguous[i] = NEEDS_EVIDENCE;
    // "English" needs a cue; "speak English" is one.
    else if (entry.kind === 'language' && tokens.length === 1) ambiguous[i] = NEEDS_LANGUAGE_CUE;
    else if (entry.needsCue || (tokens.length === 1 && entry.source === 'onet-element')) ambiguous[i] = NEEDS_CUE;
  });
  const contextWords: [readonly string[] | ReadonlySet<string>, number][] = [
    [CUE_WORDS, CUE],
    [ELEMENT_CUES, ELEMENT_CUE],
    [NEGATION_WORDS, NEGATION],
    [DEGREE_START_WORDS, DEGREE_START],
    [LANGUAGE_CUES, LANGUAGE_CUE],
    [ROLE_NOUNS, ROLE_NOUN],
  ];
  const phraseWords = phrases.flatMap((phrase) => tokenStrings(phrase.pattern));
  const automaton = compilePhrases(
    vocabulary.map((entry) => entry.surface),
    [...contextWords.flatMap(([words]) => [...words]), ...phraseWords],
  );
  // Context words become token ids, so the rules compare integers instead of slicing strings.
  const wordFlags = new Uint8Array(automaton.tokenCount);
  for (const [words, flag] of contextWords) for (const word of words) wordFlags[automaton.wordIds.get(word)!]! |= flag;
  const compiledPhrases = compileSkillPhrases(phrases, automaton, escoIndex);
  return { vocabulary, automaton, ambiguous, wordFlags, phrases: compiledPhrases, scratch: undefined };
}

const CUE = 1;
const ELEMENT_CUE = 2;
const NEGATION = 4;
const DEGREE_START = 8;
const LANGUAGE_CUE = 16;
const ROLE_NOUN = 32;
const NEEDS_LANGUAGE_CUE = 4;
const NEEDS_EVIDENCE = 5;

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

/**
 * True when a confirmed mention ends or starts within 40 characters of this one: "Kafka, Redis and
 * Spark" is a list. The first `count` mentions are in text order and do not overlap, so a binary
 * search finds the neighbours.
 */
function besideMention(mentions: readonly SkillMention[], count: number, mention: SkillMention): boolean {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid]!.start < mention.start) low = mid + 1;
    else high = mid;
  }
  // An ESCO phrase beside a name is no list ("AI features" next to "product requirements").
  const next = mentions[low];
  const previous = mentions[low - 1];
  return (
    (next !== undefined && low < count && next.source !== 'esco' && next.start - mention.end < 40) ||
    (previous !== undefined && previous.source !== 'esco' && mention.start - previous.end < 40)
  );
}

/** "Adaptability when tools change…", "• Storytelling with data": a bullet or line that leads with the name. */
function startsLine(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && ' \t-•*·–'.includes(text[i]!)) i--;
  return i < 0 || text[i] === '\n';
}

/** "Java Developer", "Senior DevOps Engineer": a name one or two words before a role noun is a title. */
function namesTitle(extractor: SkillExtractor, text: string, stream: TokenStream, last: number): boolean {
  for (let i = last + 1; i <= Math.min(stream.count - 1, last + 2); i++) {
    if (breaksSentence(text, stream.ends[i - 1]!, stream.starts[i]!) || text[stream.ends[i - 1]!] === ',') return false;
    const id = stream.ids[i]!;
    if (id >= 0 && (extractor.wordFlags[id]! & ROLE_NOUN) !== 0) return true;
  }
  return false;
}

/** "Job description:" alone on its line labels what follows; it claims nothing. */
function isHeading(text: string, start: number, end: number): boolean {
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  if (text[after] !== ':') return false;
  let before = start;
  while (before > 0 && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  if (before > 0 && text[before - 1] !== '\n') return false;
  const lineEnd = text.indexOf('\n', after);
  return text.slice(after + 1, lineEnd === -1 ? text.length : lineEnd).trim().length === 0;
}

/** "data-driven" is not "driven", "non-technical" not "technical": a word glued by a hyphen is part of another. */
function hyphenAttached(text: string, start: number, end: number): boolean {
  const wordAt = (at: number): boolean => at >= 0 && at < text.length && foldCharCode(text.charCodeAt(at)) !== -1;
  return (text.charCodeAt(start - 1) === 45 && wordAt(start - 2)) || (text.charCodeAt(end) === 45 && wordAt(end + 1));
}

/**
 * Mentions never overlap. A phrase that holds a shorter mention ("strong communication skills" ⊃
 * "communication") stands for it; a vocabulary mention the phrase only partly covers, or covers
 * exactly, is the more specific and wins. Mentions are sorted by start and phrases are few, so each
 * phrase looks only at its neighbours.
 */
function withoutOverlaps(mentions: SkillMention[]): SkillMention[] {
  const dropped = new Set<SkillMention>();
  for (const phrase of mentions) {
    if (phrase.source !== 'phrase' || dropped.has(phrase)) continue;
    let low = 0;
    let high = mentions.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (mentions[mid]!.start < phrase.start) low = mid + 1;
      else high = mid;
    }
    // Back over the mentions that start earlier but reach into the phrase (vocabulary mentions do not overlap).
    while (low > 0 && mentions[low - 1]!.end > phrase.start) low--;
    for (let i = low; i < mentions.length && mentions[i]!.start < phrase.end; i++) {
      const other = mentions[i]!;
      if (other === phrase || dropped.has(other) || other.end <= phrase.start) continue;
      const inside = other.start >= phrase.start && other.end <= phrase.end;
      if (inside && other.end - other.start < phrase.end - phrase.start) dropped.add(other);
      else dropped.add(phrase);
    }
  }
  return dropped.size === 0 ? mentions : mentions.filter((mention) => !dropped.has(mention));
}

/** Capitalised as a name ("Go", "R", "Excel"), not as an ordinary word ("go", "excel at"). */
function writtenAsName(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  return first >= 65 && first <= 90;
}

/** "DOE", "LEDs": capitals (a plural s aside, at least two); "Led" or "Doe" is the ordinary word. */
function writtenInCapitals(text: string, start: number, end: number): boolean {
  let capitals = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) capitals++;
    else if (!(code >= 48 && code <= 57) && !(i === end - 1 && code === 115 /* s */)) return false;
  }
  return capitals >= 2;
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
  const pendingAmbiguous: { mention: SkillMention; first: number; last: number; ambiguity: number }[] = [];
  for (const match of matches) {
    const entry = extractor.vocabulary[match.entry]!;
    const { firstToken, lastToken } = match;
    let start = stream.starts[firstToken]!;
    const end = stream.ends[lastToken]!;
    // Cheap gates first: most matches of ordinary words stop here, before anything is built.
    const ambiguity = extractor.ambiguous[match.entry]!;
    if (ambiguity === NEEDS_LANGUAGE_CUE && !hasFlagNear(extractor, LANGUAGE_CUE, stream, firstToken, lastToken))
      continue;
    if (ambiguity === EXACT_CASE && !writtenInCapitals(text, start, end)) continue;
    if (ambiguity === AMBIGUOUS_NAME && !writtenAsName(text, start) && !LOWER_CASE_NAMES.has(text.slice(start, end)))
      continue;
    const section = sectionAt(sections, start);
    if (
      ambiguity === NEEDS_CUE &&
      section !== 'skills' &&
      !hasFlagNear(extractor, ELEMENT_CUE, stream, firstToken, lastToken)
    )
      continue;
    // ".NET" is written with its dot, which the scanner reads as a separator.
    if (entry.surface.startsWith('.') && text[start - 1] === '.' && (start < 2 || !/\w/.test(text[start - 2]!)))
      start--;
    if (
      namesTitle(extractor, text, stream, lastToken) ||
      isHeading(text, start, end) ||
      hyphenAttached(text, start, end) ||
      inDegree(extractor, text, stream, sections, firstToken, lastToken, degreesTried) ||
      labelsAddress(text, start, end, addresses)
    )
      continue;
    const negated = isNegated(extractor, text, stream, firstToken);
    const mention: SkillMention = {
      skillId: entry.skillId,
      label: entry.label,
      surface: text.slice(start, end),
      start,
      end,
      confidence: SOURCE_CONFIDENCE[entry.source] * SECTION_FACTOR[section] * (negated ? 0.2 : 1),
      source: entry.source,
      kind: entry.kind,
      esco: entry.esco ?? null,
      section,
      negated,
    };
    if (ambiguity === AMBIGUOUS_NAME || ambiguity === NEEDS_EVIDENCE)
      pendingAmbiguous.push({ mention, first: firstToken, last: lastToken, ambiguity });
    else mentions.push(mention);
  }
  // An ambiguous name counts in a Skills section, next to a cue word, or beside another skill.
  const confirmed = mentions.length;
  let previous: SkillMention | undefined;
  for (const { mention, first, last, ambiguity } of pendingAmbiguous) {
    if (
      mention.section === 'skills' ||
      // A line that leads with a word vouches for a skill word, never for a name that is also a word ("Rust stains").
      (ambiguity === NEEDS_EVIDENCE && startsLine(text, mention.start)) ||
      besideMention(mentions, confirmed, mention) ||
      (previous !== undefined && mention.start - previous.end < 40) ||
      hasFlagNear(extractor, CUE, stream, first, last)
    ) {
      // Pending names come in text order: "Go, Rust and R" — each confirmed one vouches for the next.
      previous = { ...mention, confidence: mention.confidence * 0.85 };
      mentions.push(previous);
    }
  }
  for (const phrase of matchSkillPhrases(extractor.phrases, text, stream)) {
    const section = sectionAt(sections, phrase.start);
    const negated = isNegated(extractor, text, stream, phrase.firstToken);
    mentions.push({
      skillId: phrase.skillId,
      label: phrase.label,
      surface: text.slice(phrase.start, phrase.end),
      start: phrase.start,
      end: phrase.end,
      confidence: SOURCE_CONFIDENCE.phrase * SECTION_FACTOR[section] * (negated ? 0.2 : 1),
      source: 'phrase',
      kind: 'skill',
      esco: phrase.esco,
      section,
      negated,
    });
  }
  for (const mention of mentions) mention.confidence = Math.round(mention.confidence * 100) / 100;
  return withoutOverlaps(mentions.sort((a, b) => a.start - b.start || b.end - a.end));
}

export interface FoundSkill {
  skillId: string;
  label: string;
  source: SkillMention['source'];
  kind: MentionKind;
  esco: EscoLink | null;
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
      kind: first.kind,
      esco: first.esco,
      confidence: claimed >= 0 ? claimed : denied,
      mentions: count,
      negated: claimed < 0,
    }))
    .sort(
      (a, b) => Number(a.negated) - Number(b.negated) || b.confidence - a.confidence || a.label.localeCompare(b.label),
    );
}
