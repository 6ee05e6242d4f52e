import { join } from 'node:path';
import { commonWordsOf, type VocabularyInputs } from '../domain/skills/index.js';
import { EXAMPLE_COLUMNS, ONET_FILES, exampleFields } from './onet-release.js';
import { readRecords, type TableFormat } from './tabular-file.js';

const tab: TableFormat = { delimiter: '\t', quoted: false, requiredColumns: [] };
const SKILL_ELEMENT = /^2\.[ABC]\.\d+\.[a-z]$/;

/**
 * The O*NET part of the extraction vocabulary straight from a release folder — technology and
 * tool examples with their commodities, and the skill and knowledge elements — for benchmarks and
 * tests that run without a database. The app reads the same rows from the store.
 */
export async function readOnetVocabulary(
  dir: string,
): Promise<Required<Pick<VocabularyInputs, 'technology' | 'tools' | 'elements' | 'commonWords'>>> {
  const examples = (file: string) =>
    readRecords(join(dir, file), { ...tab, requiredColumns: EXAMPLE_COLUMNS }, exampleFields);
  const dedupe = <T extends { example: string }>(rows: T[]): T[] => [
    ...new Map(rows.map((row) => [row.example, row])).values(),
  ];
  return {
    technology: dedupe(await examples(ONET_FILES.technologySkills)),
    tools: dedupe(await examples(ONET_FILES.tools)),
    commonWords: commonWordsOf(await readRecords(join(dir, ONET_FILES.tasks), tab, (row) => row.text('Task'))),
    elements: (
      await readRecords(join(dir, ONET_FILES.contentModel), tab, (row) => ({
        elementId: row.text('Element ID'),
        name: row.text('Element Name'),
      }))
    ).filter((e) => SKILL_ELEMENT.test(e.elementId)),
  };
}
