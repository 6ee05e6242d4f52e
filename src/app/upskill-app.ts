import { UpskillError } from '../domain/errors.js';
import { buildTitleIndex, employmentPriors, type TitleIndex } from '../domain/titles/index.js';
import { openDatabase, type Database } from '../store/database.js';
import {
  listOccupationContexts,
  listOccupationEmployment,
  listOccupationExposures,
  listTitles,
  type OccupationExposureRow,
} from '../store/occupation.repository.js';
import {
  buildVocabulary,
  commonWordsOf,
  compileSkillExtractor,
  type SkillExtractor,
  type SkillGraph,
} from '../domain/skills/index.js';
import { readSkillGraph } from '../sources/skills-graph-reader.js';
import {
  listEscoSkills,
  listSkillElements,
  listTaskStatements,
  listTechnologyExamples,
  listToolExamples,
} from '../store/skill-vocabulary.repository.js';
import { buildTaskPatternIndex, type TaskPatternIndex } from '../domain/planning/task-capabilities.js';
import type { AuthoredRole } from '../domain/planning/target-roles.js';
import type { LearningResource } from '../domain/planning/learning-resource.js';
import { readTaskPatterns } from '../sources/task-patterns-reader.js';
import { readTargetRoles } from '../sources/target-roles-reader.js';
import { readResources } from '../sources/planning-content-reader.js';
import { storeLocation, type AppConfig } from './config.js';

/** The running application: the store plus the in-memory indexes built from it once. */
export interface UpskillApp {
  readonly config: AppConfig;
  readonly database: Database;
  titleIndex(): Promise<TitleIndex>;
  exposures(): Promise<OccupationExposureRow[]>;
  /** The authored skills graph (content/skills), read once. */
  skillGraph(): SkillGraph;
  /** The extraction vocabulary compiled once: graph, O*NET technology, tools and elements, ESCO when loaded. */
  skillExtractor(): Promise<SkillExtractor>;
  /** Task→capability patterns, target roles and the resource catalogue (content/planning), read once. */
  planningContent(): PlanningContent;
  /** Forget the in-memory indexes, after a reload of the data. */
  invalidate(): void;
  close(): Promise<void>;
}

export interface PlanningContent {
  patterns: TaskPatternIndex;
  roles: AuthoredRole[];
  resources: LearningResource[];
}

export async function openApp(config: AppConfig, database?: Database): Promise<UpskillApp> {
  const db = database ?? (await openDatabase(storeLocation(config)));
  let titleIndex: Promise<TitleIndex> | undefined;
  let exposures: Promise<OccupationExposureRow[]> | undefined;
  let skillGraph: SkillGraph | undefined;
  let skillExtractor: Promise<SkillExtractor> | undefined;
  const graph = (): SkillGraph => (skillGraph ??= readSkillGraph());
  let planning: PlanningContent | undefined;
  return {
    config,
    database: db,
    titleIndex: () =>
      (titleIndex ??= (async () => {
        const rows = await listOccupationEmployment(db);
        if (rows.length === 0) throw dataNotLoaded();
        const priors = employmentPriors(rows.map((row) => row.employment));
        const occupations = rows.map((row, i) => ({ code: row.code, title: row.title, prior: priors[i]! }));
        return buildTitleIndex(occupations, await listTitles(db), await listOccupationContexts(db));
      })()),
    exposures: () => (exposures ??= listOccupationExposures(db)),
    skillGraph: graph,
    skillExtractor: () =>
      (skillExtractor ??= (async () => {
        const [technology, tools, elements, esco, tasks] = await Promise.all([
          listTechnologyExamples(db),
          listToolExamples(db),
          listSkillElements(db),
          listEscoSkills(db),
          listTaskStatements(db),
        ]);
        return compileSkillExtractor(
          buildVocabulary({ graph: graph(), technology, tools, elements, esco, commonWords: commonWordsOf(tasks) }),
        );
      })()),
    planningContent: () =>
      (planning ??= {
        patterns: buildTaskPatternIndex(readTaskPatterns()),
        roles: readTargetRoles(),
        resources: readResources(),
      }),
    invalidate: () => {
      titleIndex = undefined;
      exposures = undefined;
      skillExtractor = undefined;
    },
    close: () => db.close(),
  };
}

export function dataNotLoaded(): UpskillError {
  return new UpskillError('DATA_NOT_LOADED', 'No occupation data is loaded yet.', {
    hint: 'Run `upskill data load` (it finds or downloads the public datasets).',
  });
}
