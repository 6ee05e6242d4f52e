import { readFileSync } from 'node:fs';
import {
  buildVocabulary,
  compileSkillExtractor,
  extractSkills,
  type SkillExtractor,
} from '../../src/domain/skills/index.js';
import { readOnetVocabulary } from '../../src/sources/onet-vocabulary.js';
import { readSkillGraph } from '../../src/sources/skills-graph-reader.js';

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

/** The vocabulary the app builds from a fresh load: the graph plus O*NET technology, tools and elements. */
export async function fullExtractor(onetDir: string): Promise<SkillExtractor> {
  return compileSkillExtractor(buildVocabulary({ graph: readSkillGraph(), ...(await readOnetVocabulary(onetDir)) }));
}

export interface Scores {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: { text: string; skillId: string }[];
  falseNegatives: { text: string; skillId: string }[];
}

/** Micro-averaged precision and recall of the claimed (not negated) skills, per sentence as sets. */
export function scoreExtraction(extractor: SkillExtractor, gold: readonly GoldSentence[]): Scores {
  let truePositives = 0;
  const falsePositives: Scores['falsePositives'] = [];
  const falseNegatives: Scores['falseNegatives'] = [];
  for (const sentence of gold) {
    const predicted = new Set(
      extractSkills(extractor, sentence.text)
        .filter((m) => !m.negated)
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
