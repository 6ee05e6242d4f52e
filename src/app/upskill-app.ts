import { UpskillError } from '../domain/errors.js';
import { buildTitleIndex, employmentPriors, type TitleIndex } from '../domain/titles/index.js';
import { openDatabase, type Database } from '../store/database.js';
import {
  listCloseRelations,
  listOccupationContexts,
  listOccupationEmployment,
  listOccupationExposures,
  listTitles,
  type OccupationExposureRow,
} from '../store/occupation.repository.js';
import { buildSkillExtractor, commonWordsOf, type SkillExtractor, type SkillGraph } from '../domain/skills/index.js';
import { readSkillGraph } from '../sources/skills-graph-reader.js';
import { readLexicon, readSkillPhrases } from '../sources/vocabulary-content-reader.js';
import { compileSkillLinker, type SkillLinker } from '../domain/skills/skill-linker.js';
import {
  listEscoSkills,
  listSkillElements,
  listTaskStatements,
  listTechnologyExamples,
  listToolExamples,
} from '../store/skill-vocabulary.repository.js';
import type { AuthoredRole } from '../domain/planning/target-roles.js';
import type { LearningResource } from '../domain/planning/learning-resource.js';
import { readTargetRoles } from '../sources/target-roles-reader.js';
import { readResources } from '../sources/planning-content-reader.js';
import { buildTaskGuidanceIndex, type TaskGuidanceIndex } from '../domain/guidance/index.js';
import { readActivityGuidance } from '../sources/guidance-reader.js';
import { listActivityDescriptions } from '../store/observed-use.repository.js';
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
  /** The skill linker compiled once from the stored ESCO skills (none when ESCO is not loaded) and the graph. */
  skillLinker(): Promise<SkillLinker>;
  /** Target roles and the resource catalogue (content/planning), read once. */
  planningContent(): PlanningContent;
  /** The authored guidance of every work activity (content/guidance) with the task → guidance lookup, built once. */
  guidance(): Promise<TaskGuidanceIndex>;
  /**
   * What is the same for every request about one occupation (its view, its planning facts), built
   * once per kind and code, kept for the most recently used codes and shared frozen; concurrent
   * requests for a code not built yet wait for the one build. A failed build is not kept.
   */
  perOccupation<T>(kind: string, code: string, build: () => Promise<T>): Promise<T>;
  /** Forget the in-memory indexes and per-occupation data, after a reload of the data. */
  invalidate(): void;
  close(): Promise<void>;
}

export interface PlanningContent {
  roles: AuthoredRole[];
  resources: LearningResource[];
}

/**
 * Per-occupation entries kept in memory: all kinds together, least recently used dropped first.
 * An occupation view is ≈30 KB of JSON; 512 entries bound the cache to a few tens of MB whatever
 * the traffic, and hold every occupation a typical session touches.
 */
export const OCCUPATION_CACHE_ENTRIES = 512;

/** Freezes a cached value all the way down, so a caller that changed a shared object fails loudly instead. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A least-recently-used map of promises (a Map keeps insertion order: a hit moves its key to the end). */
function boundedCache(limit: number): {
  get<T>(key: string, build: () => Promise<T>): Promise<T>;
  clear(): void;
} {
  const entries = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, build: () => Promise<T>): Promise<T> {
      const hit = entries.get(key) as Promise<T> | undefined;
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const made = Promise.resolve().then(build).then(deepFreeze);
      entries.set(key, made);
      made.catch(() => {
        if (entries.get(key) === made) entries.delete(key);
      });
      if (entries.size > limit) entries.delete(entries.keys().next().value!);
      return made;
    },
    clear: () => entries.clear(),
  };
}

export async function openApp(config: AppConfig, database?: Database): Promise<UpskillApp> {
  const db = database ?? (await openDatabase(storeLocation(config)));
  let titleIndex: Promise<TitleIndex> | undefined;
  let exposures: Promise<OccupationExposureRow[]> | undefined;
  let skillGraph: SkillGraph | undefined;
  let skillExtractor: Promise<SkillExtractor> | undefined;
  let skillLinker: Promise<SkillLinker> | undefined;
  const graph = (): SkillGraph => (skillGraph ??= readSkillGraph());
  let planning: PlanningContent | undefined;
  let guidance: Promise<TaskGuidanceIndex> | undefined;
  const occupationCache = boundedCache(OCCUPATION_CACHE_ENTRIES);
  return {
    config,
    database: db,
    titleIndex: () =>
      (titleIndex ??= (async () => {
        const rows = await listOccupationEmployment(db);
        if (rows.length === 0) throw dataNotLoaded();
        const priors = employmentPriors(rows.map((row) => row.employment));
        const occupations = rows.map((row, i) => ({ code: row.code, title: row.title, prior: priors[i]! }));
        return buildTitleIndex(
          occupations,
          await listTitles(db),
          await listOccupationContexts(db),
          await listCloseRelations(db),
        );
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
        return buildSkillExtractor({
          graph: graph(),
          lexicon: readLexicon(),
          phrases: readSkillPhrases(),
          technology,
          tools,
          elements,
          esco,
          commonWords: commonWordsOf(tasks),
        });
      })()),
    skillLinker: () =>
      (skillLinker ??= (async () => compileSkillLinker({ esco: await listEscoSkills(db), graph: graph() }))()),
    planningContent: () =>
      (planning ??= {
        roles: readTargetRoles(),
        resources: readResources(),
      }),
    guidance: () =>
      (guidance ??= (async () => buildTaskGuidanceIndex(readActivityGuidance(), await listActivityDescriptions(db)))()),
    perOccupation: (kind, code, build) => occupationCache.get(`${kind} ${code}`, build),
    invalidate: () => {
      titleIndex = undefined;
      exposures = undefined;
      skillExtractor = undefined;
      skillLinker = undefined;
      guidance = undefined;
      occupationCache.clear();
    },
    close: () => db.close(),
  };
}

export function dataNotLoaded(): UpskillError {
  return new UpskillError('DATA_NOT_LOADED', 'No occupation data is loaded yet.', {
    hint: 'Run `upskill data load` (it finds or downloads the public datasets).',
  });
}
