import fc from 'fast-check';

/** A lone UTF-16 surrogate: not valid Unicode on its own, but a JS string may hold one. */
export const loneSurrogate: fc.Arbitrary<string> = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/**
 * One awkward piece of text: separators, quotes, line breaks, a BOM, control characters, emoji,
 * accents, lone surrogates, or any code point at all.
 */
export const messyPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(',', '\t', '"', "'", '\r', '\n', '\r\n', ' ', '\uFEFF', '\u0000', '\u2028') },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom('😀', '👩‍💻', 'é', 'e\u0301', 'ß', 'İ', 'ﬁ', '１', 'Ω', '中文', '\u200b') },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)) },
);

/** Arbitrary text made of messy pieces (up to `maxPieces` of them). */
export const messyText = (maxPieces = 60): fc.Arbitrary<string> =>
  fc.array(messyPiece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));

/** Text that is sometimes very long: a run of one piece repeated thousands of times inside messy text. */
export const longText = (minLength = 1_000, maxLength = 12_000): fc.Arbitrary<string> =>
  fc
    .tuple(messyText(10), messyPiece, fc.integer({ min: minLength, max: maxLength }), messyText(10))
    .map(([before, piece, length, after]) => before + piece.repeat(Math.ceil(length / piece.length)) + after);

/** Any string a client could send: mostly messy, sometimes huge, sometimes only punctuation or whitespace. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: messyText() },
  { weight: 1, arbitrary: longText() },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'!?.,;:-–—()[]{}/\\|*&^%$#@~`\'"'), maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u3000'), maxLength: 20 }),
  },
);
