import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import { anyText, longText, messyText } from '../../../test/support/arbitraries.js';
import { ONET_27 } from '../../../test/support/databases.js';
import { fullExtractor } from '../../../test/support/extraction-gold.js';
import { singularToken } from './phrase-automaton.js';
import { foldCharCode, tokenStrings } from './token-scanner.js';
import {
  compileSkillExtractor,
  extractSkills,
  summarizeMentions,
  type SkillExtractor,
  type SkillMention,
  type VocabularyEntry,
} from './index.js';

fc.configureGlobal({ includeErrorInReport: true });

// A small vocabulary with every kind of entry the rules treat differently: phrases that nest
// ("machine learning" in "machine learning engineering"), symbols, short ambiguous names, words
// that need a cue, acronyms that count only in capitals, and sources of each kind.
const VOCABULARY: VocabularyEntry[] = [
  { surface: 'Python', skillId: 'python', label: 'Python', source: 'graph', kind: 'ai-skill' },
  {
    surface: 'machine learning engineering',
    skillId: 'ml-engineering',
    label: 'ML engineering',
    source: 'graph',
    kind: 'ai-skill',
  },
  {
    surface: 'machine learning',
    skillId: 'machine-learning',
    label: 'Machine learning',
    source: 'graph',
    kind: 'ai-skill',
  },
  { surface: 'learning', skillId: 'learning', label: 'Learning', source: 'esco', kind: 'skill' },
  { surface: 'C++', skillId: 'c-language', label: 'C and C++', source: 'graph', kind: 'ai-skill' },
  { surface: 'C#', skillId: 'csharp', label: 'C#', source: 'graph', kind: 'ai-skill' },
  { surface: 'C', skillId: 'c-language', label: 'C and C++', source: 'graph', kind: 'ai-skill' },
  { surface: 'Node.js', skillId: 'javascript', label: 'JavaScript', source: 'graph', kind: 'ai-skill' },
  { surface: 'R', skillId: 'r-language', label: 'R', source: 'graph', kind: 'ai-skill' },
  { surface: 'Go', skillId: 'go-language', label: 'Go', source: 'graph', kind: 'ai-skill' },
  { surface: 'Excel', skillId: 'spreadsheets', label: 'Spreadsheets', source: 'graph', kind: 'ai-skill' },
  { surface: 'Microsoft Excel', skillId: 'spreadsheets', label: 'Spreadsheets', source: 'graph', kind: 'ai-skill' },
  {
    surface: 'prompt engineering',
    skillId: 'prompt-engineering',
    label: 'Prompt engineering',
    source: 'graph',
    kind: 'ai-skill',
  },
  {
    surface: 'large language model',
    skillId: 'llm',
    label: 'Large language models',
    source: 'graph',
    kind: 'ai-skill',
  },
  { surface: 'LLM', skillId: 'llm', label: 'Large language models', source: 'graph', kind: 'ai-skill' },
  {
    surface: 'Salesforce software',
    skillId: 'onet:salesforce',
    label: 'Salesforce',
    source: 'onet-technology',
    kind: 'tool',
  },
  { surface: 'DOE', skillId: 'onet:doe', label: 'Design of experiments', source: 'onet-tool', kind: 'tool' },
  {
    surface: 'Forklifts',
    skillId: 'onet:forklifts',
    label: 'Forklifts',
    source: 'onet-tool',
    kind: 'tool',
    needsCue: true,
  },
  { surface: 'Writing', skillId: 'onet-element:2.A.1.c', label: 'Writing', source: 'onet-element', kind: 'skill' },
  {
    surface: 'Critical Thinking',
    skillId: 'onet-element:2.A.2.a',
    label: 'Critical Thinking',
    source: 'onet-element',
    kind: 'skill',
  },
  { surface: 'data analysis', skillId: 'esco:data-analysis', label: 'data analysis', source: 'esco', kind: 'skill' },
  { surface: 'café', skillId: 'esco:cafe', label: 'café', source: 'esco', kind: 'skill' },
];
const small = compileSkillExtractor(VOCABULARY);
let full: SkillExtractor;
before(async () => {
  full = await fullExtractor(ONET_27);
});

const SECTIONS = new Set(['skills', 'experience', 'projects', 'education', 'summary', 'hobbies', 'text']);
const canonical = (surface: string): string => tokenStrings(surface).map(singularToken).join(' ');
const claimKey = (entry: Pick<SkillMention, 'skillId' | 'label' | 'source' | 'surface'>): string =>
  [entry.skillId, entry.label, entry.source, canonical(entry.surface)].join('|');
const knownClaims = new WeakMap<SkillExtractor, Set<string>>();
const claimsOf = (extractor: SkillExtractor): Set<string> => {
  let claims = knownClaims.get(extractor);
  if (!claims) knownClaims.set(extractor, (claims = new Set(extractor.vocabulary.map(claimKey))));
  return claims;
};

const phraseSkillsOf = (extractor: SkillExtractor): Set<string> =>
  new Set(extractor.phrases.groups.flatMap((group) => group.phrases.map((phrase) => phrase.skillId)));

/** Everything a mention claims must hold in the text it came from. */
function assertMentions(extractor: SkillExtractor, text: string, mentions: readonly SkillMention[]): void {
  mentions.forEach((mention, i) => {
    const { start, end } = mention;
    assert.ok(Number.isInteger(start) && Number.isInteger(end), `offsets ${start}..${end}`);
    assert.ok(0 <= start && start < end && end <= text.length, `offsets ${start}..${end} in ${text.length}`);
    assert.equal(text.slice(start, end), mention.surface);
    // A mention covers whole words: it starts and ends at a token boundary.
    assert.ok(start === 0 || foldCharCode(text.charCodeAt(start - 1)) === -1, `starts mid-word at ${start}`);
    // ("C++Python" is two words: symbols glued to a word end it.)
    assert.ok(
      end === text.length || foldCharCode(text.charCodeAt(end)) === -1 || /[+#]$/.test(mention.surface),
      `ends mid-word at ${end}`,
    );
    assert.ok(
      mention.source === 'phrase'
        ? phraseSkillsOf(extractor).has(mention.skillId)
        : claimsOf(extractor).has(claimKey(mention)),
      `no vocabulary entry or phrase says "${mention.surface}" is ${mention.skillId}`,
    );
    assert.ok(Number.isFinite(mention.confidence) && mention.confidence > 0 && mention.confidence <= 1);
    assert.ok(SECTIONS.has(mention.section), mention.section);
    assert.equal(typeof mention.negated, 'boolean');
    if (i > 0) assert.ok(mentions[i - 1]!.end <= start, `mentions overlap at ${start}`);
  });
}

// Text built from what the rules look at: skill names in any case, cue and negation words,
// section headings, sentence breaks, and noise between them.
const WORDS = [
  ...VOCABULARY.map((entry) => entry.surface),
  'python',
  'LLMs',
  'large language models',
  'machine learnings',
  'nodejs',
  'go',
  'r',
  'excel at',
  'Doe',
  'doe',
  'forklift',
  'writing',
  'strong',
  'skills',
  'experience',
  'proficient in',
  'programming',
  'no',
  'not',
  'never',
  'without',
  'Jane',
  'the',
  'and',
  'with',
  'using',
];
const HEADINGS = ['Skills', 'Technical Skills:', '## Projects', 'Experience', 'Hobbies', 'Education', 'Summary'];
const BREAKS = [' ', ' ', ' ', ', ', '. ', '; ', '\n', '\n\n', ' / ', '-', '', '(', ') ', '\t', '! '];
const resumeText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...BREAKS)) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HEADINGS), fc.constant('\n')) },
      { weight: 1, arbitrary: fc.tuple(messyText(3), fc.constantFrom(...BREAKS)) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''));

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: anyText },
  { weight: 5, arbitrary: resumeText },
  { weight: 1, arbitrary: fc.tuple(resumeText, fc.integer({ min: 50, max: 400 })).map(([t, n]) => t.repeat(n)) },
  { weight: 1, arbitrary: longText(10_000, 20_000) },
);

describe('skill extraction: generated text', () => {
  test('never throws; every mention points at its words, is known, and mentions do not overlap', () => {
    fc.assert(
      fc.property(text, (input) => assertMentions(small, input, extractSkills(small, input))),
      { numRuns: 600 },
    );
  });

  test('the same text gives the same mentions, whatever was read in between', () => {
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), (input, others) => {
        const first = extractSkills(small, input);
        for (const other of others) extractSkills(small, other);
        assert.deepEqual(extractSkills(small, input), first);
      }),
      { numRuns: 200 },
    );
  });

  test('the summary has one row per skill and counts every mention', () => {
    fc.assert(
      fc.property(resumeText, (input) => {
        const mentions = extractSkills(small, input);
        const summary = summarizeMentions(mentions);
        assert.equal(new Set(summary.map((s) => s.skillId)).size, summary.length);
        assert.deepEqual(new Set(summary.map((s) => s.skillId)), new Set(mentions.map((m) => m.skillId)));
        assert.equal(
          summary.reduce((sum, s) => sum + s.mentions, 0),
          mentions.length,
        );
        for (const row of summary) {
          const own = mentions.filter((m) => m.skillId === row.skillId);
          assert.equal(
            row.negated,
            own.every((m) => m.negated),
          );
          assert.equal(
            row.confidence,
            Math.max(...own.filter((m) => m.negated === row.negated).map((m) => m.confidence)),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the vocabulary the app builds (graph and O*NET) keeps the same promises', () => {
    const prose = fc.oneof(
      text,
      fc
        .array(fc.constantFrom(...full.vocabulary.slice(0, 5_000).map((entry) => entry.surface), ...WORDS), {
          maxLength: 30,
        })
        .chain((words) =>
          fc.tuple(
            fc.constant(words),
            fc.array(fc.constantFrom(...BREAKS), { minLength: words.length, maxLength: words.length }),
          ),
        )
        .map(([words, breaks]) => words.map((word, i) => word + breaks[i]).join('')),
    );
    fc.assert(
      fc.property(prose, (input) => {
        const mentions = extractSkills(full, input);
        assertMentions(full, input, mentions);
        assert.deepEqual(extractSkills(full, input), mentions);
      }),
      { numRuns: 150 },
    );
  });
});
