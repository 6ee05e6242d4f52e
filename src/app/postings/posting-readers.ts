import { buildSkillExtractor, commonWordsOf, type VocabularyInputs } from '../../domain/skills/index.js';
import { buildTitleIndex, employmentPriors, type TitleIndex } from '../../domain/titles/index.js';
import type { PostingReaders } from '../../domain/market/extract-posting.js';
import type { SkillPhrase } from '../../domain/skills/index.js';
import type { Queryable } from '../../store/database.js';
import {
  listCloseRelations,
  listOccupationContexts,
  listOccupationEmployment,
  listTitles,
} from '../../store/occupation.repository.js';
import {
  listEscoSkills,
  listSkillElements,
  listTaskStatements,
  listTechnologyExamples,
  listToolExamples,
} from '../../store/skill-vocabulary.repository.js';
import { readSkillGraph } from '../../sources/skills-graph-reader.js';
import { readLexicon, readSkillPhrases } from '../../sources/vocabulary-content-reader.js';
import { dataNotLoaded } from '../upskill-app.js';

/**
 * Everything a thread or a worker process needs to build the posting readers, as plain data: read
 * once from the store, then copied to each thread (a thread cannot share the embedded store).
 */
export interface PostingReaderInputs {
  vocabulary: Omit<VocabularyInputs, 'commonWords'> & { phrases: readonly SkillPhrase[]; commonWords: string[] };
  titles: Parameters<typeof buildTitleIndex>;
}

/** Reads the inputs of the posting readers from the store (fails when no occupation data is loaded). */
export async function loadPostingReaderInputs(db: Queryable): Promise<PostingReaderInputs> {
  const rows = await listOccupationEmployment(db);
  if (rows.length === 0) throw dataNotLoaded();
  const priors = employmentPriors(rows.map((row) => row.employment));
  const occupations = rows.map((row, i) => ({ code: row.code, title: row.title, prior: priors[i]! }));
  const [titles, contexts, relations, technology, tools, elements, esco, tasks] = await Promise.all([
    listTitles(db),
    listOccupationContexts(db),
    listCloseRelations(db),
    listTechnologyExamples(db),
    listToolExamples(db),
    listSkillElements(db),
    listEscoSkills(db),
    listTaskStatements(db),
  ]);
  return {
    vocabulary: {
      graph: readSkillGraph(),
      lexicon: readLexicon(),
      phrases: readSkillPhrases(),
      technology,
      tools,
      elements,
      esco,
      commonWords: [...commonWordsOf(tasks)],
    },
    titles: [occupations, titles, contexts, relations],
  };
}

/** Builds the skill extractor and the title index from their inputs (a few seconds; once per thread). */
export function buildPostingReaders(inputs: PostingReaderInputs): PostingReaders {
  const titles: TitleIndex = buildTitleIndex(...inputs.titles);
  const extractor = buildSkillExtractor({ ...inputs.vocabulary, commonWords: new Set(inputs.vocabulary.commonWords) });
  return { extractor, titles, clearTitles: new Map() };
}
