import { buildTokenTable, scanTokens, tokenStrings, type TokenStream, type TokenTable } from './token-scanner.js';

/**
 * A trie over token ids, compiled once from every surface of the vocabulary. Matching walks it
 * from each token and keeps the longest phrase that ends on a terminal state (leftmost-longest,
 * the semantics of Aho–Corasick with longest-match; patterns are a few tokens long, so each
 * position costs a bounded number of steps and the whole scan is linear in the text).
 */
export interface PhraseAutomaton {
  readonly tokenTable: TokenTable;
  /** Root transitions, indexed by token id: the hot path is one array read per token. */
  readonly rootNext: Int32Array;
  /** Deeper transitions in an open-addressing table keyed by (state, token). */
  readonly transitions: TransitionTable;
  /** Plural variants scan to their own token id; this maps each to the singular's id. */
  readonly canonical: Int32Array;
  /** Entry index accepted at each state, or -1. */
  readonly accept: Int32Array;
  readonly tokenCount: number;
  readonly stateCount: number;
  /** Canonical id of each extra word given to `compilePhrases` (context words the matcher needs to see). */
  readonly wordIds: ReadonlyMap<string, number>;
}

/** The singular a plural reduces to ("chatbots" → "chatbot", "libraries" → "library"); other words stay. */
export function singularToken(token: string): string {
  if (token.length < 4 || !/^[a-z]+$/.test(token)) return token;
  if (token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !/(ss|us|is)$/.test(token)) return token.slice(0, -1);
  return token;
}

/** The plurals that reduce to a singular, so the scanner knows them too. */
function pluralForms(singular: string): string[] {
  if (!/^[a-z]{3,}$/.test(singular)) return [];
  const forms = [`${singular}s`];
  if (/(s|x|z|ch|sh)$/.test(singular)) forms.push(`${singular}es`);
  if (/[^aeiou]y$/.test(singular)) forms.push(`${singular.slice(0, -1)}ies`);
  return forms.filter((form) => singularToken(form) === singular);
}

/**
 * Compiles phrases (already ordered by priority: the first phrase with a given token sequence wins).
 * `words` are single words that are no phrase but must scan to a known id (cue and negation words).
 */
export function compilePhrases(phrases: readonly string[], words: readonly string[] = []): PhraseAutomaton {
  // Every surface token maps to the id of its singular, so "prompt" and "prompts" are one word.
  const canonicalIds = new Map<string, number>();
  const surfaceIds = new Map<string, number>();
  const canonical: number[] = [];
  const intern = (token: string): number => {
    const singular = singularToken(token);
    let id = canonicalIds.get(singular);
    if (id === undefined) {
      id = canonicalIds.size;
      canonicalIds.set(singular, id);
    }
    for (const surface of [token, singular, ...pluralForms(singular)]) {
      if (!surfaceIds.has(surface)) {
        surfaceIds.set(surface, surfaceIds.size);
        canonical.push(id);
      }
    }
    return id;
  };
  const sequences = phrases.map((phrase) => tokenStrings(phrase).map(intern));
  const wordIds = new Map(words.map((word) => [word, intern(word)]));
  const tokenIds = surfaceIds;
  const tokens = [...tokenIds.keys()];
  const tokenCount = canonicalIds.size;
  const deep = new Map<string, number>();
  const rootNext = new Int32Array(tokenCount).fill(-1);
  const acceptList: number[] = [-1];
  let stateCount = 1;
  sequences.forEach((sequence, entry) => {
    if (sequence.length === 0) return;
    let state = 0;
    for (const token of sequence) {
      const key = `${state}:${token}`;
      let target = state === 0 ? rootNext[token]! : (deep.get(key) ?? -1);
      if (target === -1) {
        target = stateCount++;
        acceptList.push(-1);
        if (state === 0) rootNext[token] = target;
        else deep.set(key, target);
      }
      state = target;
    }
    if (acceptList[state] === -1) acceptList[state] = entry;
  });
  return {
    tokenTable: buildTokenTable(tokens),
    rootNext,
    transitions: buildTransitionTable(deep),
    canonical: Int32Array.from(canonical),
    accept: Int32Array.from(acceptList),
    tokenCount,
    stateCount,
    wordIds,
  };
}

/** Deep transitions: per slot, state (-1 empty), token and target side by side, one cache line per probe. */
export interface TransitionTable {
  mask: number;
  slots: Int32Array;
}

const pairSlot = (state: number, token: number, mask: number): number =>
  (Math.imul(state, 0x9e3779b1) ^ Math.imul(token, 0x85ebca6b)) & mask;

function buildTransitionTable(deep: Map<string, number>): TransitionTable {
  let size = 16;
  while (size < deep.size * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size * 3);
  for (let slot = 0; slot < size; slot++) slots[slot * 3] = -1;
  for (const [key, target] of deep) {
    const [state, token] = key.split(':').map(Number) as [number, number];
    let slot = pairSlot(state, token, mask);
    while (slots[slot * 3] !== -1) slot = (slot + 1) & mask;
    slots[slot * 3] = state;
    slots[slot * 3 + 1] = token;
    slots[slot * 3 + 2] = target;
  }
  return { mask, slots };
}

function nextState(table: TransitionTable, state: number, token: number): number {
  const { slots, mask } = table;
  let slot = pairSlot(state, token, mask);
  for (let at = slot * 3, found = slots[at]!; found !== -1; found = slots[at]!) {
    if (found === state && slots[at + 1] === token) return slots[at + 2]!;
    slot = (slot + 1) & mask;
    at = slot * 3;
  }
  return -1;
}

export interface PhraseMatch {
  entry: number;
  firstToken: number;
  lastToken: number;
}

/** Scans tokens and returns the leftmost-longest phrase matches. */
export function matchPhrases(
  automaton: PhraseAutomaton,
  text: string,
  stream?: TokenStream,
): { stream: TokenStream; matches: PhraseMatch[] } {
  const scanned = scanTokens(automaton.tokenTable, text, stream, automaton.canonical);
  const { ids, count } = scanned;
  const { rootNext, transitions, accept } = automaton;
  const matches: PhraseMatch[] = [];
  let i = 0;
  while (i < count) {
    const first = ids[i]!;
    let state = first >= 0 ? rootNext[first]! : -1;
    if (state === -1) {
      i++;
      continue;
    }
    let bestEntry = accept[state]!;
    let bestEnd = i;
    for (let j = i + 1; j < count; j++) {
      const token = ids[j]!;
      if (token < 0) break;
      const target = nextState(transitions, state, token);
      if (target === -1) break;
      state = target;
      if (accept[state]! !== -1) {
        bestEntry = accept[state]!;
        bestEnd = j;
      }
    }
    if (bestEntry !== -1) {
      matches.push({ entry: bestEntry, firstToken: i, lastToken: bestEnd });
      i = bestEnd + 1;
    } else i++;
  }
  return { stream: scanned, matches };
}
