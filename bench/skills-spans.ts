/**
 * The span section of `npm run bench:skills`: SkillSpan's development split (HOUSE and TECH, both
 * layers), scored as ../shared/data/benchmarks-dev/README.md describes, for the extractor the app
 * builds by default (graph, lexicon, phrases, O*NET, ESCO found beside O*NET), the same without
 * ESCO, and a literal dictionary baseline computed in the same run: every ESCO label and synonym
 * wherever it occurs, longest first, no rules.
 */
import { join } from 'node:path';
import { buildSkillExtractor, compileSkillExtractor, extractSkills } from '../src/domain/skills/index.js';
import { findSourcesIn } from '../src/sources/locate-sources.js';
import { readEscoRelease } from '../src/sources/esco-release.js';
import { readOnetVocabulary } from '../src/sources/onet-vocabulary.js';
import { readSkillGraph } from '../src/sources/skills-graph-reader.js';
import { fullExtractor } from '../test/support/extraction-gold.js';
import { readSkillSpan, scoreOnSkillSpan, spanTable, type SpanRow } from './skillspan.js';

export async function spanSection(dataDir: string): Promise<{ rows: SpanRow[]; table: string }> {
  const dir = join(dataDir, 'benchmarks-dev', 'skillspan');
  const splits = {
    house: readSkillSpan(join(dir, 'skillspan_house_dev.conll')),
    tech: readSkillSpan(join(dir, 'skillspan_tech_dev.conll')),
  };
  const onet = join(dataDir, 'onet-27.0');
  const escoDirs = findSourcesIn(dataDir).esco?.dirs ?? [];
  const claimed = (extractor: Awaited<ReturnType<typeof fullExtractor>>) => (text: string) =>
    extractSkills(extractor, text).filter((mention) => !mention.negated);
  const esco = escoDirs.length > 0 ? (await readEscoRelease(escoDirs)).skills : [];
  // The literal baseline: ESCO's surfaces as one dictionary, no evidence, case or context rules.
  const literal = compileSkillExtractor(
    esco.flatMap((skill) =>
      [skill.label, ...skill.synonyms].map((surface) => ({
        surface,
        skillId: skill.label,
        label: skill.label,
        source: 'esco' as const,
        kind: 'skill' as const,
      })),
    ),
  );
  const rows = [
    scoreOnSkillSpan('Upskill, default vocabulary (ESCO loaded)', splits, claimed(await fullExtractor(onet))),
    scoreOnSkillSpan('Upskill without ESCO', splits, claimed(await fullExtractor(onet, []))),
    scoreOnSkillSpan(
      'Upskill without the lexicon and phrases (ESCO loaded)',
      splits,
      claimed(buildSkillExtractor({ graph: readSkillGraph(), ...(await readOnetVocabulary(onet)), esco })),
    ),
    scoreOnSkillSpan('baseline: literal ESCO labels and synonyms', splits, (text) => extractSkills(literal, text)),
  ];
  return { rows, table: spanTable(rows) };
}
