/**
 * Splits text into lower-case word tokens without allocating a string per token: each token is
 * hashed while it is read and looked up in an open-addressing table of known tokens. Unknown
 * tokens get id -1, so the matcher sees a compact stream of ids with their character offsets.
 *
 * A token is a run of letters and digits; "+" and "#" directly after one stay part of it ("c++",
 * "c#"). Accented Latin letters fold to their base letter. Everything else separates tokens.
 */

const FOLD = new Int32Array(0x250).fill(-1);
(() => {
  for (let c = 0x30; c <= 0x39; c++) FOLD[c] = c;
  for (let c = 0x61; c <= 0x7a; c++) FOLD[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) FOLD[c] = c + 32;
  for (let c = 0xc0; c < 0x250; c++) {
    const base = String.fromCharCode(c)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if (base.length === 1 && /[a-z]/.test(base)) FOLD[c] = base.charCodeAt(0);
  }
})();

/** The folded code of a word character, or -1 for a separator. Letters beyond Latin count as themselves. */
export function foldCharCode(code: number): number {
  if (code < 0x250) return FOLD[code]!;
  // Other scripts (Greek, Cyrillic, CJK…) are word characters; punctuation blocks are not.
  return (code >= 0x2000 && code <= 0x2bff) || (code >= 0x3000 && code <= 0x303f) ? -1 : code;
}

const PLUS = 0x2b;
const HASH = 0x23;

/**
 * Known tokens in an open-addressing table. A token is recognised by two independent 32-bit hashes
 * and its length, all computed while it is read, so the text is passed over once; two tokens
 * agreeing on 64 hash bits and length is vanishingly unlikely for a vocabulary of this size.
 */
export interface TokenTable {
  readonly tokens: readonly string[];
  readonly mask: number;
  /** Per slot, four integers side by side (one cache line per probe): id (-1 empty), hash, second hash, length. */
  readonly slots: Int32Array;
}

const SLOT_WIDTH = 4;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SECOND_PRIME = 0x5bd1e995;

function hashString(token: string): [number, number] {
  let hash = FNV_OFFSET;
  let second = 0;
  for (let i = 0; i < token.length; i++) {
    hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME);
    second = Math.imul(second + token.charCodeAt(i), SECOND_PRIME) ^ (second >>> 13);
  }
  return [hash, second];
}

/** Builds the lookup table for folded tokens (as produced by `scanTokens` on their text). */
export function buildTokenTable(tokens: readonly string[]): TokenTable {
  let size = 16;
  while (size < tokens.length * 2) size *= 2;
  const slots = new Int32Array(size * SLOT_WIDTH);
  for (let slot = 0; slot < size; slot++) slots[slot * SLOT_WIDTH] = -1;
  const mask = size - 1;
  tokens.forEach((token, id) => {
    const [hash, second] = hashString(token);
    let slot = hash & mask;
    while (slots[slot * SLOT_WIDTH] !== -1) slot = (slot + 1) & mask;
    const at = slot * SLOT_WIDTH;
    slots[at] = id;
    slots[at + 1] = hash;
    slots[at + 2] = second;
    slots[at + 3] = token.length;
  });
  return { tokens, mask, slots };
}

/** Token stream of a text: ids (-1 unknown) and [start, end) character offsets. */
export interface TokenStream {
  count: number;
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Scans a text into its token stream in one pass. `idMap`, when given, translates table ids on the
 * fly (the phrase matcher maps plural surfaces to their singular's id this way).
 */
export function scanTokens(table: TokenTable, text: string, into?: TokenStream, idMap?: Int32Array): TokenStream {
  const capacity = Math.max(16, (text.length >> 1) + 1);
  const stream =
    into && into.ids.length >= capacity
      ? into
      : { count: 0, ids: new Int32Array(capacity), starts: new Int32Array(capacity), ends: new Int32Array(capacity) };
  const { ids, starts, ends } = stream;
  const { slots, mask } = table;
  let count = 0;
  let i = 0;
  const length = text.length;
  while (i < length) {
    let code = text.charCodeAt(i);
    // Inlined fold for the common case: the table covers ASCII and Latin.
    let folded = code < 0x250 ? FOLD[code]! : foldCharCode(code);
    if (folded === -1) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let second = 0;
    while (folded !== -1) {
      hash = Math.imul(hash ^ folded, FNV_PRIME);
      second = Math.imul(second + folded, SECOND_PRIME) ^ (second >>> 13);
      i++;
      if (i >= length) break;
      code = text.charCodeAt(i);
      folded = code < 0x250 ? FOLD[code]! : foldCharCode(code);
    }
    // "c++", "c#": symbols glued to the end of a word belong to it.
    while (i < length && (code === PLUS || code === HASH)) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      second = Math.imul(second + code, SECOND_PRIME) ^ (second >>> 13);
      i++;
      code = i < length ? text.charCodeAt(i) : 0;
    }
    let slot = hash & mask;
    let id = -1;
    for (let at = slot * SLOT_WIDTH, candidate = slots[at]!; candidate !== -1; candidate = slots[at]!) {
      if (slots[at + 1] === hash && slots[at + 2] === second && slots[at + 3] === i - start) {
        id = candidate;
        break;
      }
      slot = (slot + 1) & mask;
      at = slot * SLOT_WIDTH;
    }
    ids[count] = id >= 0 && idMap ? idMap[id]! : id;
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  stream.count = count;
  return stream;
}

/** The folded tokens of a short text (patterns, cue words), as strings, split exactly as `scanTokens` splits. */
export function tokenStrings(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (foldCharCode(text.charCodeAt(i)) === -1) {
      i++;
      continue;
    }
    let token = '';
    for (
      let folded = foldCharCode(text.charCodeAt(i));
      i < text.length && folded !== -1;
      folded = foldCharCode(text.charCodeAt(++i))
    ) {
      token += String.fromCharCode(folded);
    }
    while (i < text.length && (text.charCodeAt(i) === PLUS || text.charCodeAt(i) === HASH)) token += text[i++];
    out.push(token);
  }
  return out;
}
