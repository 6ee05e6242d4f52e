import { readFileSync } from 'node:fs';
import { buildSkillExtractor, extractSkills, type SkillExtractor } from '../../src/domain/skills/index.js';
import { readOnetVocabulary } from '../../src/sources/onet-vocabulary.js';
import { readSkillGraph } from '../../src/sources/skills-graph-reader.js';
import { readLexicon, readSkillPhrases } from '../../src/sources/vocabulary-content-reader.js';
import { readEscoRelease } from '../../src/sources/esco-release.js';
import { findSourcesIn } from '../../src/sources/locate-sources.js';
import { dirname } from 'node:path';

export interface GoldSentence {
  text: string;
  skills: string[];
}

export const GOLD_FILE = new URL('../fixtures/extraction-gold.jsonl', import.meta.url);

export function readGold(): GoldSentence[] {
  return readFileSync(GOLD_FILE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as GoldSentence);
}

/**
 * The extractor the app builds from a fresh load: the graph, the authored lexicon and phrases,
 * O*NET technology, tools and elements, and ESCO when it is found beside the O*NET folder (as
 * `data load` finds it) or its folders are given.
 */
export async function fullExtractor(
  onetDir: string,
  escoDirs: readonly string[] | undefined = findSourcesIn(dirname(onetDir)).esco?.dirs,
): Promise<SkillExtractor> {
  return buildSkillExtractor({
    graph: readSkillGraph(),
    lexicon: readLexicon(),
    phrases: readSkillPhrases(),
    ...(await readOnetVocabulary(onetDir)),
    ...(escoDirs?.length ? { esco: (await readEscoRelease(escoDirs)).skills } : {}),
  });
}

export interface Scores {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: { text: string; skillId: string }[];
  falseNegatives: { text: string; skillId: string }[];
}

/**
 * The gold set labels graph skills and O*NET examples (docs/annotation-guide.md); ESCO skills,
 * lexicon-only terms and phrases are scored on SkillSpan by `npm run bench:skills` instead.
 */
const inGoldScope = (skillId: string): boolean => !/^(esco|lexicon):/.test(skillId);

/** Micro-averaged precision and recall of the claimed (not negated) skills, per sentence as sets. */
export function scoreExtraction(extractor: SkillExtractor, gold: readonly GoldSentence[]): Scores {
  let truePositives = 0;
  const falsePositives: Scores['falsePositives'] = [];
  const falseNegatives: Scores['falseNegatives'] = [];
  for (const sentence of gold) {
    const predicted = new Set(
      extractSkills(extractor, sentence.text)
        .filter((m) => !m.negated && inGoldScope(m.skillId))
        .map((m) => m.skillId),
    );
    const expected = new Set(sentence.skills);
    for (const id of predicted) {
      if (expected.has(id)) truePositives++;
      else falsePositives.push({ text: sentence.text, skillId: id });
    }
    for (const id of expected) if (!predicted.has(id)) falseNegatives.push({ text: sentence.text, skillId: id });
  }
  return {
    precision: truePositives / (truePositives + falsePositives.length),
    recall: truePositives / (truePositives + falseNegatives.length),
    truePositives,
    falsePositives,
    falseNegatives,
  };
}
