import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { anyText, longText, messyText } from '../../../test/support/arbitraries.js';
import { wordTokens } from '../text/normalize.js';
import {
  buildTitleIndex,
  DEFAULT_MIN_SCORE,
  MIN_CANDIDATE_SCORE,
  NEAR_BEST_SHARE,
  resolveTitle,
  type TitleMatch,
} from './index.js';
import { isNoiseWord, rewriteModernPhrases, stemWord, titleHeads, titleWords } from './title-analyzer.js';

fc.configureGlobal({ includeErrorInReport: true });

// A small index: a few occupations, one of them (the nurses) with as many titles and as much
// context as the largest O*NET occupations have, and the largest employment prior.
const NURSE_KINDS = [
  'Staff',
  'Charge',
  'ICU',
  'Clinical',
  'Surgical',
  'Home Health',
  'Public Health',
  'School',
  'Float',
  'Travel',
  'Triage',
  'Telemetry',
  'Oncology',
  'Pediatric',
  'Dialysis',
  'Psychiatric',
  'Hospice',
  'Occupational Health',
  'Emergency Room',
  'Labor and Delivery',
  'Neonatal',
  'Cardiac',
  'Infection Control',
  'Case Management',
  'Rehabilitation',
  'Orthopedic',
  'Trauma',
  'Camp',
  'Parish',
  'Flight',
];
const OCCUPATIONS = [
  { code: '29-1141.00', title: 'Registered Nurses', prior: 1 },
  { code: '29-1141.01', title: 'Acute Care Nurses', prior: 0.6 },
  { code: '13-1161.00', title: 'Market Research Analysts and Marketing Specialists', prior: 0.8 },
  { code: '11-2021.00', title: 'Marketing Managers', prior: 0.6 },
  { code: '15-1252.00', title: 'Software Developers', prior: 0.9 },
  { code: '15-1254.00', title: 'Web Developers', prior: 0.5 },
  { code: '43-3031.00', title: 'Bookkeeping, Accounting, and Auditing Clerks', prior: 0.75 },
  { code: '13-2011.00', title: 'Accountants and Auditors', prior: 0.85 },
  { code: '17-2141.00', title: 'Mechanical Engineers', prior: 0.6 },
  { code: '49-3023.00', title: 'Automotive Service Technicians and Mechanics', prior: 0.7 },
];
const TITLES = [
  ...NURSE_KINDS.map((kind) => ({ code: '29-1141.00', title: `${kind} Nurse` })),
  { code: '29-1141.00', title: 'Nurse' },
  { code: '29-1141.00', title: 'Registered Nurse (RN)' },
  { code: '29-1141.01', title: 'Critical Care Nurse' },
  { code: '13-1161.00', title: 'Marketing Specialist' },
  { code: '13-1161.00', title: 'Search Engine Marketing Specialist (SEM Specialist)' },
  { code: '11-2021.00', title: 'Brand Manager' },
  { code: '15-1252.00', title: 'Software Engineer' },
  { code: '15-1252.00', title: 'C++ Developer' },
  { code: '15-1254.00', title: 'Front End Developer' },
  { code: '15-1254.00', title: '.NET Web Developer' },
  { code: '43-3031.00', title: 'Accounts Payable Clerk' },
  { code: '43-3031.00', title: 'A/P Clerk' },
  { code: '13-2011.00', title: 'Staff Accountant' },
  { code: '13-2011.00', title: 'Certified Public Accountant (CPA)' },
  { code: '17-2141.00', title: 'Design Engineer' },
  { code: '49-3023.00', title: 'Auto Mechanic' },
  { code: '99-9999.99', title: 'An unknown code is ignored' },
];
const CONTEXTS = [
  {
    code: '29-1141.00',
    text: Array.from({ length: 50 }, (_, i) => `Nurses ${NURSE_KINDS[i % NURSE_KINDS.length]} nurse patients.`).join(
      ' ',
    ),
  },
  { code: '13-1161.00', text: 'Research market conditions. Plan marketing campaigns and monitor marketing trends.' },
  { code: '15-1252.00', text: 'Develop, test and maintain software applications and systems.' },
  { code: '43-3031.00', text: 'Record financial transactions, accounts payable and receivable.' },
];
const index = buildTitleIndex(OCCUPATIONS, TITLES, CONTEXTS);
const CODES = new Set(OCCUPATIONS.map((o) => o.code));

const VOCABULARY = [
  ...new Set(
    [...OCCUPATIONS, ...TITLES]
      .flatMap((entry) => entry.title.split(/[\s,()]+/))
      .filter((word) => word.length > 0)
      .concat(['sr', 'mgr', 'rn', 'dev', 'eng', 'mktg', 'full', 'stack', 'senior', 'ii', 'remote', 'part-time', 'of']),
  ),
];
const SEPARATORS = [' ', '  ', ', ', ' - ', ' / ', ' & ', ' (', ') ', '\t', ' | '];

/** One edit a person makes while typing: a letter dropped, doubled or swapped. */
const typo = (word: string, at: number, kind: number): string => {
  if (word.length < 2) return word;
  const i = at % word.length;
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  const j = Math.min(i + 1, word.length - 1);
  return word.slice(0, i) + word[j] + word[i] + word.slice(j + 1);
};

/** A title someone might type: known words, abbreviations and noise, with typos and odd separators. */
const typedTitle: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.option(fc.tuple(fc.nat(), fc.nat({ max: 2 }))), fc.nat()), {
    minLength: 1,
    maxLength: 6,
  })
  .map((words) =>
    words
      .map(
        ([word, edit, separator], i) =>
          (i > 0 ? SEPARATORS[separator % SEPARATORS.length] : '') + (edit ? typo(word, ...edit) : word),
      )
      .join(''),
  );

const query: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: anyText },
  { weight: 4, arbitrary: typedTitle },
  { weight: 2, arbitrary: fc.constantFrom(...[...OCCUPATIONS, ...TITLES].map((entry) => entry.title)) },
  { weight: 1, arbitrary: fc.tuple(typedTitle, messyText(6)).map(([title, noise]) => title + noise) },
);

/** Flips the case of ASCII letters, each by its own coin. */
const flipCase = (text: string, coins: readonly boolean[]): string =>
  text.replace(/[a-z]/gi, (letter, offset: number) =>
    coins[offset % Math.max(1, coins.length)] ? letter.toUpperCase() : letter.toLowerCase(),
  );
const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u3000'), maxLength: 5 });

function assertWellFormed(matches: TitleMatch[], limit: number, minScore: number): void {
  assert.ok(matches.length <= Math.max(0, limit), `${matches.length} matches for limit ${limit}`);
  assert.equal(new Set(matches.map((m) => m.code)).size, matches.length, 'one match per occupation');
  for (const [i, match] of matches.entries()) {
    assert.ok(Number.isFinite(match.score), `score ${match.score}`);
    assert.ok(match.score >= 0 && match.score <= 1, `score ${match.score} is outside 0–1 for ${match.title}`);
    // Under minScore only when the best match is weak itself: then those within NEAR_BEST_SHARE of it show.
    const floor = Math.min(minScore, Math.max(MIN_CANDIDATE_SCORE, NEAR_BEST_SHARE * matches[0]!.score));
    assert.ok(match.score >= Math.round(floor * 1000) / 1000 - 0.001, `score ${match.score} under the floor ${floor}`);
    if (i > 0) assert.ok(matches[i - 1]!.score >= match.score, 'sorted best first');
    assert.ok(CODES.has(match.code), match.code);
    assert.equal(match.title, OCCUPATIONS.find((o) => o.code === match.code)!.title);
    assert.equal(typeof match.matched, 'string');
    assert.ok(match.matched.length > 0);
  }
}

describe('title analysis: generated input', () => {
  test('never throws, and gives folded ASCII words, heads and stems', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const words = titleWords(text);
        for (const word of words) assert.match(word, /^[a-z0-9]+$/);
        for (const token of wordTokens(text)) assert.match(token, /^[a-z0-9]+$/);
        for (const word of rewriteModernPhrases(words)) {
          assert.match(word, /^[a-z0-9]+$/);
          assert.equal(typeof isNoiseWord(word), 'boolean');
          assert.match(stemWord(word), /^[a-z0-9]+$/);
        }
        for (const head of titleHeads(text)) assert.match(head, /^[a-z0-9]+$/);
      }),
      { numRuns: 400 },
    );
  });

  test('case (ASCII flips, lower-casing) and surrounding whitespace do not change the words', () => {
    fc.assert(
      fc.property(
        query,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
        whitespace,
        whitespace,
        (text, coins, before, after) => {
          const reference = titleWords(text);
          assert.deepEqual(titleWords(flipCase(text, coins)), reference);
          assert.deepEqual(titleWords(before + text + after), reference);
          assert.deepEqual(titleWords(text.toLowerCase()), reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('title resolver: generated queries', () => {
  test('never throws; at most `limit` matches, scores finite, within 0–1 and over the floor, best first', () => {
    fc.assert(
      fc.property(
        query,
        fc.integer({ min: -2, max: 12 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        (text, limit, minScore) => {
          const matches = resolveTitle(index, text, { limit, ...(minScore === null ? {} : { minScore }) });
          assertWellFormed(matches, limit, minScore ?? DEFAULT_MIN_SCORE);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('an exact title, even the most common occupation’s, scores at most 1', () => {
    for (const { title } of [...OCCUPATIONS, ...TITLES])
      assertWellFormed(resolveTitle(index, title, { limit: 12 }), 12, 0.3);
    assert.equal(resolveTitle(index, 'Nurse')[0]?.code, '29-1141.00');
  });

  test('deterministic: the same query gives the same answer, whatever was asked in between', () => {
    fc.assert(
      fc.property(query, fc.array(query, { maxLength: 3 }), fc.integer({ min: 1, max: 10 }), (text, others, limit) => {
        const first = resolveTitle(index, text, { limit });
        for (const other of others) resolveTitle(index, other, { limit: 10, minScore: 0 });
        assert.deepEqual(resolveTitle(index, text, { limit }), first);
      }),
      { numRuns: 300 },
    );
  });

  test('insensitive to case (ASCII flips, lower-casing) and to whitespace around the query', () => {
    fc.assert(
      fc.property(
        query,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }),
        whitespace,
        whitespace,
        (text, coins, before, after) => {
          const reference = resolveTitle(index, text);
          assert.deepEqual(resolveTitle(index, flipCase(text, coins)), reference);
          assert.deepEqual(resolveTitle(index, text.toLowerCase()), reference);
          assert.deepEqual(resolveTitle(index, `${before}${text}${after}`), reference);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a longer limit extends the shorter list: the first k matches never change', () => {
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 10 }), (text, limit) => {
        const all = resolveTitle(index, text, { limit: 10 });
        assert.deepEqual(resolveTitle(index, text, { limit }), all.slice(0, limit));
      }),
      { numRuns: 300 },
    );
  });

  test('a query of 10 000 characters, or one long word, is answered at once', () => {
    const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
    fc.assert(
      fc.property(
        longText(10_000, 12_000),
        fc.string({ unit: letters, minLength: 1_500, maxLength: 2_000 }),
        (text, word) => {
          const started = performance.now();
          assertWellFormed(resolveTitle(index, text), 5, DEFAULT_MIN_SCORE);
          // Before the fix, spelling suggestions for one 1 500-letter word took over 10 s (and hours at 10 000).
          assertWellFormed(resolveTitle(index, word), 5, DEFAULT_MIN_SCORE);
          assert.ok(performance.now() - started < 1_500, `${Math.round(performance.now() - started)} ms`);
        },
      ),
      { numRuns: 10 },
    );
  });

  test('an index built from generated titles answers generated queries within the same rules', () => {
    const occupation = fc.record({
      title: typedTitle,
      prior: fc.double({ min: 0, max: 1, noNaN: true }),
      titles: fc.array(fc.oneof(typedTitle, anyText), { maxLength: 8 }),
      context: fc.oneof(typedTitle, messyText(20)),
    });
    fc.assert(
      fc.property(
        fc.array(occupation, { minLength: 1, maxLength: 6 }),
        fc.array(query, { minLength: 1, maxLength: 5 }),
        (generated, queries) => {
          const occupations = generated.map((o, i) => ({
            code: `11-${String(1000 + i)}.00`,
            title: o.title,
            prior: o.prior,
          }));
          const generatedIndex = buildTitleIndex(
            occupations,
            generated.flatMap((o, i) => o.titles.map((title) => ({ code: occupations[i]!.code, title }))),
            generated.map((o, i) => ({ code: occupations[i]!.code, text: o.context })),
          );
          const codes = new Set(occupations.map((o) => o.code));
          for (const text of queries) {
            const matches = resolveTitle(generatedIndex, text, { limit: 4, minScore: 0 });
            assert.ok(matches.length <= 4);
            for (const [i, match] of matches.entries()) {
              assert.ok(codes.has(match.code));
              assert.ok(Number.isFinite(match.score) && match.score >= 0 && match.score <= 1, `score ${match.score}`);
              if (i > 0) assert.ok(matches[i - 1]!.score >= match.score);
            }
            assert.deepEqual(resolveTitle(generatedIndex, text, { limit: 4, minScore: 0 }), matches);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
