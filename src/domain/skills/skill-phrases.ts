import type { PhraseAutomaton } from './phrase-automaton.js';
import { tokenStrings, type TokenStream } from './token-scanner.js';
import type { EscoLink } from './skill-vocabulary.js';

/**
 * Skills people write as phrases ("team player", "work in large collaborative teams"), each a
 * pattern over words linked to the ESCO skill it expresses. Pattern grammar (content/vocabulary/
 * phrases.yaml): words separated by spaces, matched case-insensitively; `a|b` one word of several;
 * `[a|b]` an optional word; `…` a gap of 0–3 words. A hyphenated word ("self-starter") must be
 * written hyphenated. No match crosses a sentence break.
 */
export interface SkillPhrase {
  pattern: string;
  /** The ESCO preferred label of the skill the phrase expresses. */
  skill: string;
}

type Step =
  { kind: 'word'; optional: boolean; alternatives: readonly (readonly number[])[] } | { kind: 'gap'; max: number };

interface CompiledPhrase {
  steps: Step[];
  /** First token ids of the last required word: a match needs one of them within `span` tokens. */
  lastRequired: Int32Array;
  /** The most tokens a match can cover. */
  span: number;
  skillId: string;
  label: string;
  esco: EscoLink | null;
}

/** The phrases that start with one token, and what any of them needs nearby (tested once for all). */
interface PhraseGroup {
  phrases: CompiledPhrase[];
  /** Every phrase's `lastRequired`, or empty when some phrase has none (then the group is always tried). */
  anyLast: Int32Array;
  span: number;
}

export interface CompiledSkillPhrases {
  /** Per canonical token id, the index in `groups` of the phrases that can start with it, or -1 (one read per token). */
  firstToken: Int32Array;
  groups: readonly PhraseGroup[];
}

export interface PhraseMention {
  skillId: string;
  label: string;
  esco: EscoLink | null;
  start: number;
  end: number;
  firstToken: number;
}

const GAP = '…';
const MAX_GAP = 3;

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Compiles the phrases onto the extractor's token ids (their words were registered with the automaton). */
export function compileSkillPhrases(
  phrases: readonly SkillPhrase[],
  automaton: PhraseAutomaton,
  escoIndex: ReadonlyMap<string, EscoLink>,
): CompiledSkillPhrases {
  const idOf = (word: string): number => automaton.wordIds.get(word) ?? -1;
  const firstToken = new Int32Array(automaton.tokenCount).fill(-1);
  const lists: CompiledPhrase[][] = [];

  for (const phrase of phrases) {
    const steps: Step[] = phrase.pattern
      .trim()
      .split(/\s+/)
      .map((part): Step => {
        if (part === GAP || part === '...') return { kind: 'gap', max: MAX_GAP };
        const optional = part.startsWith('[') && part.endsWith(']');
        const words = (optional ? part.slice(1, -1) : part).split('|');
        return { kind: 'word', optional, alternatives: words.map((word) => tokenStrings(word).map(idOf)) };
      });
    const esco = escoIndex.get(phrase.skill.toLowerCase()) ?? null;
    const required = steps.filter((step) => step.kind === 'word' && !step.optional);
    const last = required[required.length - 1];
    const compiled: CompiledPhrase = {
      steps,
      // Only when the last required word is not the first one (the match starts on that).
      lastRequired: Int32Array.from(
        required.length > 1 && last?.kind === 'word' ? last.alternatives.map((words) => words[0]!) : [],
      ),
      span: steps.reduce(
        (sum, step) => sum + (step.kind === 'gap' ? step.max : Math.max(...step.alternatives.map((w) => w.length))),
        0,
      ),
      skillId: esco?.uri ? `esco:${esco.uri.split('/').pop()}` : `esco:${slug(phrase.skill)}`,
      label: esco?.label ?? phrase.skill,
      esco,
    };
    const first = steps[0];
    if (!first || first.kind !== 'word' || first.optional) continue;
    for (const alternative of first.alternatives) {
      const id = alternative[0]!;
      if (id < 0) continue;
      if (firstToken[id] === -1) firstToken[id] = lists.push([]) - 1;
      lists[firstToken[id]!]!.push(compiled);
    }
  }
  const groups = lists.map((phrases): PhraseGroup => {
    const always = phrases.some((phrase) => phrase.lastRequired.length === 0);
    return {
      phrases,
      anyLast: always ? new Int32Array(0) : Int32Array.from(new Set(phrases.flatMap((p) => [...p.lastRequired]))),
      span: Math.max(...phrases.map((phrase) => phrase.span)),
    };
  });
  return { firstToken, groups };
}

function breaksSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 || code === 59 || code === 33 || code === 63 || code === 10) return true;
  }
  return false;
}

/** The last token of `words` matched from token `at` (sub-tokens glued by one character), or -1. */
function matchWord(text: string, stream: TokenStream, at: number, words: readonly number[]): number {
  for (let k = 0; k < words.length; k++) {
    const i = at + k;
    if (i >= stream.count || stream.ids[i] !== words[k]) return -1;
    if (k > 0 && stream.starts[i]! - stream.ends[i - 1]! !== 1) return -1;
  }
  return at + words.length - 1;
}

/** The last token of the longest match of steps[s..] starting at token `at` (after token `prev`), or -1. */
function matchSteps(
  text: string,
  stream: TokenStream,
  steps: readonly Step[],
  s: number,
  at: number,
  prev: number,
): number {
  if (s === steps.length) return prev;
  if (at >= stream.count) return steps.slice(s).every((step) => step.kind === 'word' && step.optional) ? prev : -1;
  if (prev >= 0 && breaksSentence(text, stream.ends[prev]!, stream.starts[at]!)) return -1;
  const step = steps[s]!;
  let best = -1;
  if (step.kind === 'gap') {
    for (let skip = 0; skip <= step.max && at + skip <= stream.count; skip++) {
      if (skip >= 2 && breaksSentence(text, stream.ends[at + skip - 2]!, stream.starts[at + skip - 1]!)) break;
      const end = matchSteps(text, stream, steps, s + 1, at + skip, skip === 0 ? prev : at + skip - 1);
      if (end > best) best = end;
    }
    return best;
  }
  for (const words of step.alternatives) {
    const last = matchWord(text, stream, at, words);
    if (last >= 0) best = Math.max(best, matchSteps(text, stream, steps, s + 1, last + 1, last));
  }
  if (step.optional) best = Math.max(best, matchSteps(text, stream, steps, s + 1, at, prev));
  return best;
}

// After a one-word trait, these keep it about the person: "passionate about", "motivated and curious".
const TRAIT_FOLLOWERS = new Set([
  'and',
  'or',
  'about',
  'to',
  'for',
  'with',
  'in',
  'individual',
  'person',
  'professional',
]);

/**
 * A one-word trait claims something of the person when it stands alone or before "and", "about", …
 * ("you are motivated, curious and structured"), not when it describes a noun ("an ambitious
 * company", "driven by data").
 */
function describesPerson(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (i >= text.length || /[,;.:!?)\n/•·|–—]/.test(text[i]!)) return true;
  const next = /^[A-Za-z]+/.exec(text.slice(i, i + 24))?.[0].toLowerCase();
  return next !== undefined && TRAIT_FOLLOWERS.has(next);
}

/** Cheap test before the full match: most tries fail because the phrase's last word is not near (empty: try). */
function lastWordWithin(stream: TokenStream, first: number, wanted: Int32Array, span: number): boolean {
  if (wanted.length === 0) return true;
  const { ids } = stream;
  const end = Math.min(stream.count - 1, first + span - 1);
  for (let j = first + 1; j <= end; j++) {
    const id = ids[j]!;
    for (let k = 0; k < wanted.length; k++) if (wanted[k] === id) return true;
  }
  return false;
}

/** Every phrase match, leftmost-longest, on a token stream the extractor has already scanned. */
export function matchSkillPhrases(phrases: CompiledSkillPhrases, text: string, stream: TokenStream): PhraseMention[] {
  const found: PhraseMention[] = [];
  const { firstToken, groups } = phrases;
  if (groups.length === 0) return found;
  const { ids } = stream;
  for (let i = 0; i < stream.count; i++) {
    const id = ids[i]!;
    const at = id >= 0 ? firstToken[id]! : -1;
    if (at === -1) continue;
    const group = groups[at]!;
    if (!lastWordWithin(stream, i, group.anyLast, group.span)) continue;
    let bestEnd = -1;
    let best: CompiledPhrase | undefined;
    for (const phrase of group.phrases) {
      if (!lastWordWithin(stream, i, phrase.lastRequired, phrase.span)) continue;
      const end = matchSteps(text, stream, phrase.steps, 0, i, -1);
      if (end > bestEnd) [bestEnd, best] = [end, phrase];
    }
    if (!best) continue;
    const start = stream.starts[i]!;
    const end = stream.ends[bestEnd]!;
    // "data-driven" is not the trait "driven": a match glued to a neighbouring word by a hyphen is part of it.
    if ((start > 0 && text[start - 1] === '-') || text[end] === '-') continue;
    // One plain word ("motivated") must describe the person; a compound ("self-starter") is a trait by itself.
    if (best.steps.length === 1 && !text.slice(start, end).includes('-') && !describesPerson(text, end)) continue;
    found.push({ skillId: best.skillId, label: best.label, esco: best.esco, start, end, firstToken: i });
    i = bestEnd;
  }
  return found;
}
