const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-cases and strips accents so "Café" and "cafe" compare equal. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

// Symbols that carry meaning inside a word and would be lost by splitting on punctuation.
const SYMBOL_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/c\+\+/g, ' cplusplus '],
  [/c#/g, ' csharp '],
  [/\.net\b/g, ' dotnet '],
  [/\ba\/p\b/g, ' ap '],
  [/\ba\/r\b/g, ' ar '],
  [/\br&d\b/g, ' rd '],
  [/&/g, ' and '],
  [/['\u2019]/g, ''],
];

/** Splits text into folded ASCII word tokens; "C++", "C#" and ".NET" survive as words. */
export function wordTokens(text: string): string[] {
  let folded = foldText(text);
  for (const [pattern, replacement] of SYMBOL_WORDS) folded = folded.replace(pattern, replacement);
  return folded.split(/[^a-z0-9]+/).filter((token) => token.length > 0);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False for a string holding a NUL or a lone UTF-16 surrogate: neither is text, and PostgreSQL stores neither. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what must go.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without what PostgreSQL cannot store (NUL, lone surrogates): a hostile file loses them, not its import. */
export function toStorableText(text: string): string {
  return isStorableText(text) ? text : text.replace(UNSTORABLE, '');
}
