import { basename, join, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { UpskillError } from '../domain/errors.js';
import { buildObservedUseIndex, exposureScores, percentileRank } from '../domain/exposure/index.js';
import { fileSha256 } from '../sources/file-checksum.js';
import { downloadPublicReleases, type DownloadProgress } from '../sources/download-release.js';
import { findSourcesIn, mergeFound, type FoundSources } from '../sources/locate-sources.js';
import {
  ONET_FILES,
  readElementRatings,
  readOnetCore,
  readOnetDetails,
  type OnetRelease,
} from '../sources/onet-release.js';
import { GPTS_FILES, readGptsRelease, type GptsRelease } from '../sources/gpts-release.js';
import {
  ANTHROPIC_FILES,
  MICROSOFT_FILES,
  readAnthropicRelease,
  readMicrosoftRelease,
  type AnthropicRelease,
  type MicrosoftRelease,
} from '../sources/observed-use-release.js';
import { PUBLIC_RELEASES, type DownloadManifest } from '../sources/public-releases.js';
import { extractZip } from '../sources/zip-archive.js';
import type { Database } from '../store/database.js';
import { replaceReferenceData, type SourceProvenance, type TableContents } from '../store/reference-data.repository.js';
import { PACKAGE_ROOT, type AppConfig } from './config.js';
import { loadEsco, type EscoLoadSummary } from './load-esco.js';

export type LoadProgress =
  | { phase: 'locate'; message: string }
  | { phase: 'download'; file: string; receivedBytes: number; totalBytes: number | null }
  | { phase: 'read'; file: string }
  | { phase: 'store'; table: string; rows: number };

export interface LoadOptions {
  /** A folder laid out like the shared data folder, one source's folder, or a zip of either. */
  from?: string;
  manifest?: DownloadManifest;
  /** Search only these folders (then the cache and the download) instead of UPSKILL_DATA_DIR and ../shared/data. */
  onlyIn?: string[];
  onProgress?: (event: LoadProgress) => void;
  /** Load ESCO too when its files are found (default true). */
  esco?: boolean;
}

export interface LoadSummary {
  sources: SourceProvenance[];
  occupations: number;
  tasks: number;
  labelledTasks: number;
  /** Rows skipped because they name an occupation or task the release does not have. */
  skipped: { file: string; rows: number; reason: string }[];
  /** ESCO, loaded whenever its files were found; null when none were. */
  esco: EscoLoadSummary | null;
}

/** The folders searched, in the discovery order of DESIGN.md. */
export function searchRoots(config: AppConfig, options: LoadOptions): string[] {
  const roots: string[] = [];
  if (options.from) roots.push(resolveFrom(config, options.from));
  if (options.onlyIn) roots.push(...options.onlyIn);
  else {
    if (config.dataDir) roots.push(config.dataDir);
    for (const shared of [resolve('..', 'shared', 'data'), resolve(PACKAGE_ROOT, '..', 'shared', 'data')]) {
      if (!roots.includes(shared)) roots.push(shared);
    }
  }
  roots.push(join(config.home, 'cache'));
  return roots;
}

function resolveFrom(config: AppConfig, from: string): string {
  const path = resolve(from);
  if (!existsSync(path))
    throw new UpskillError('SOURCE_NOT_FOUND', `--from ${from}: no such file or folder`, {
      hint: 'Give a folder of datasets or a zip of one.',
    });
  if (statSync(path).isDirectory()) return path;
  if (!path.toLowerCase().endsWith('.zip'))
    throw new UpskillError('BAD_INPUT', `--from ${from}: expected a folder or a .zip archive`);
  return extractZip(path, join(config.home, 'cache', 'extracted', `${basename(path, '.zip')}-${statSync(path).size}`));
}

/** Finds each source locally, downloading the public release of whatever is missing. */
export async function locateSources(config: AppConfig, options: LoadOptions): Promise<FoundSources> {
  const progress = options.onProgress ?? (() => undefined);
  const roots = searchRoots(config, options);
  if (options.from) {
    const own = findSourcesIn(roots[0]!);
    if (!own.onet && !own.gpts && !own.onetRatings) {
      throw new UpskillError(
        'SOURCE_NOT_FOUND',
        `--from ${options.from}: no O*NET release or GPTs-are-GPTs files found there`,
        {
          hint:
            `An O*NET folder has "${ONET_FILES.occupations}" and "${ONET_FILES.tasks}"; a GPTs-are-GPTs ` +
            `folder has "${GPTS_FILES.labels}".`,
        },
      );
    }
  }
  let found = mergeFound(roots.map(findSourcesIn));
  if (!found.onet || !found.gpts) {
    progress({
      phase: 'locate',
      message:
        `No local copy of ${[!found.onet && 'O*NET', !found.gpts && 'GPTs-are-GPTs'].filter(Boolean).join(' or ')}: ` +
        `downloading the public release`,
    });
    const onDownload: DownloadProgress = (event) => progress({ phase: 'download', ...event });
    const cache = await downloadPublicReleases(
      options.manifest ?? PUBLIC_RELEASES,
      join(config.home, 'cache'),
      { onet: !found.onet, gpts: !found.gpts },
      onDownload,
    );
    found = mergeFound([found, findSourcesIn(cache)]);
  }
  if (!found.onet || !found.gpts)
    throw new UpskillError('SOURCE_NOT_FOUND', 'The public datasets could not be found or downloaded.');
  return found;
}

async function provenance(
  source: string,
  version: string,
  dir: string,
  files: [name: string, rows: number][],
): Promise<SourceProvenance> {
  const present = files.filter(([name]) => existsSync(join(dir, name)));
  return {
    source,
    version,
    location: dir,
    files: await Promise.all(
      present.map(async ([name, rows]) => ({ name, rows, sha256: await fileSha256(join(dir, name)) })),
    ),
  };
}

/**
 * Reads every source, checks it, and replaces the stored reference data in one transaction.
 * Nothing is written until every file has been read and validated.
 */
export async function loadReferenceData(
  database: Database,
  config: AppConfig,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  const progress = options.onProgress ?? (() => undefined);
  const found = await locateSources(config, options);
  const onetDir = found.onet!.dir;
  const gptsDir = found.gpts!.dir;

  progress({ phase: 'read', file: `O*NET ${found.onet!.version} (${onetDir})` });
  const onet: OnetRelease = {
    version: found.onet!.version,
    ...(await readOnetCore(onetDir)),
    ...(await readOnetDetails(onetDir)),
  };
  const ratingsDir =
    found.onetRatings && found.onetRatings.dir !== onetDir && onet.elementRatings.length === 0
      ? found.onetRatings.dir
      : undefined;
  if (ratingsDir) {
    progress({ phase: 'read', file: `O*NET ${found.onetRatings!.version} ratings (${ratingsDir})` });
    onet.elementRatings = [
      ...(await readElementRatings(ratingsDir, ONET_FILES.skills, 'skill')),
      ...(await readElementRatings(ratingsDir, ONET_FILES.knowledge, 'knowledge')),
    ];
  }
  progress({ phase: 'read', file: `GPTs-are-GPTs (${gptsDir})` });
  const gpts = await readGptsRelease(gptsDir);
  const observed: ObservedSources = {};
  if (found.anthropic) {
    progress({ phase: 'read', file: `Anthropic Economic Index (${found.anthropic.dir})` });
    observed.anthropic = await readAnthropicRelease(found.anthropic.dir);
  }
  if (found.microsoft) {
    progress({ phase: 'read', file: `Microsoft Working with AI (${found.microsoft.dir})` });
    observed.microsoft = await readMicrosoftRelease(found.microsoft.dir);
  }

  const { tables, summary } = buildTables(onet, gpts, observed);
  const sources = [
    await provenance(
      'onet',
      onet.version,
      onetDir,
      Object.values(ONET_FILES).map((name) => [name, onetFileRows(onet, name)]),
    ),
    await provenance('gpts-are-gpts', 'commit 0471612', gptsDir, [
      [GPTS_FILES.labels, gpts.taskLabels.length],
      [GPTS_FILES.occupationScores, gpts.publishedScores.length],
      [GPTS_FILES.automation, gpts.humanAutomation.length],
      ...(gpts.wagesFile ? [[basename(gpts.wagesFile), gpts.wages.length] as [string, number]] : []),
      [GPTS_FILES.projections, gpts.projections.length],
    ]),
  ];
  if (found.anthropic && observed.anthropic)
    sources.push(
      await provenance('anthropic-economic-index', '2025-02', found.anthropic.dir, [
        [ANTHROPIC_FILES.shares, observed.anthropic.taskShares.length],
        [ANTHROPIC_FILES.statements, observed.anthropic.statements.length],
      ]),
    );
  if (found.microsoft && observed.microsoft)
    sources.push(
      await provenance('microsoft-working-with-ai', 'commit 84c4eba', found.microsoft.dir, [
        [MICROSOFT_FILES.activities, observed.microsoft.activities.length],
        [MICROSOFT_FILES.occupations, observed.microsoft.occupations.length],
        [MICROSOFT_FILES.weights, new Set(observed.microsoft.weights.map((cell) => cell.soc)).size],
      ]),
    );
  if (ratingsDir) {
    const ratingFiles = [ONET_FILES.skills, ONET_FILES.knowledge].map((name): [string, number] => [
      name,
      onetFileRows(onet, name),
    ]);
    sources.push(await provenance('onet-ratings', found.onetRatings!.version, ratingsDir, ratingFiles));
  }
  await replaceReferenceData(database, tables, sources, (table, rows) => progress({ phase: 'store', table, rows }));
  let esco: EscoLoadSummary | null = null;
  if (found.esco && options.esco !== false) {
    progress({ phase: 'read', file: `ESCO (${found.esco.dirs.join(', ')})` });
    esco = await loadEsco(database, found.esco.dirs[0]!, found.esco.dirs);
    progress({ phase: 'store', table: 'esco_skills', rows: esco.skills });
  }
  return { ...summary, sources, esco };
}

function onetFileRows(onet: OnetRelease, file: string): number {
  const rows: Record<string, number> = {
    [ONET_FILES.occupations]: onet.occupations.length,
    [ONET_FILES.alternateTitles]: onet.alternateTitles.length,
    [ONET_FILES.reportedTitles]: onet.reportedTitles.length,
    [ONET_FILES.tasks]: onet.tasks.length,
    [ONET_FILES.taskRatings]: onet.taskImportance.length,
    [ONET_FILES.taskDwas]: onet.taskDwas.length,
    [ONET_FILES.dwas]: onet.dwas.length,
    [ONET_FILES.iwas]: onet.iwas.length,
    [ONET_FILES.technologySkills]: onet.technologySkills.length,
    [ONET_FILES.tools]: onet.tools.length,
    [ONET_FILES.relatedOccupations]: onet.relatedOccupations.length,
    [ONET_FILES.jobZones]: onet.jobZones.length,
    [ONET_FILES.jobZoneReference]: onet.jobZoneNames.length,
    [ONET_FILES.education]: onet.education.length,
    [ONET_FILES.educationCategories]: onet.educationCategories.length,
    [ONET_FILES.skills]: onet.elementRatings.filter((r) => r.domain === 'skill').length,
    [ONET_FILES.knowledge]: onet.elementRatings.filter((r) => r.domain === 'knowledge').length,
    [ONET_FILES.contentModel]: onet.contentModel.length,
  };
  return rows[file] ?? 0;
}

/** The optional sources of what people actually do with AI. */
export interface ObservedSources {
  anthropic?: AnthropicRelease;
  microsoft?: MicrosoftRelease;
}

/** Joins the sources into the stored tables, computing each occupation's exposure on the way. */
export function buildTables(
  onet: OnetRelease,
  gpts: GptsRelease,
  observed: ObservedSources = {},
): { tables: TableContents[]; summary: Omit<LoadSummary, 'sources' | 'esco'> } {
  const known = new Set(onet.occupations.map((o) => o.code));
  const skipped: LoadSummary['skipped'] = [];
  const keep = <T extends { code: string }>(file: string, rows: T[]): T[] => {
    const kept = rows.filter((row) => known.has(row.code));
    if (kept.length < rows.length)
      skipped.push({
        file,
        rows: rows.length - kept.length,
        reason: 'names an occupation code that is not in Occupation Data',
      });
    return kept;
  };
  const jobZone = new Map(onet.jobZones.map((z) => [z.code, z.jobZone]));
  const labels = new Map(gpts.taskLabels.map((l) => [l.taskId, l]));
  const humanAutomation = new Map(gpts.humanAutomation.map((h) => [h.taskId, h.humanAutomation]));
  const importance = new Map(onet.taskImportance.map((t) => [t.taskId, t.importance]));
  const tasks = keep(ONET_FILES.tasks, onet.tasks).map((task) => {
    const label = labels.get(task.taskId);
    return {
      ...task,
      importance: importance.get(task.taskId) ?? null,
      human: label?.human ?? null,
      gpt4: label?.gpt4 ?? null,
      gpt4Automation: label?.gpt4Automation ?? null,
      humanAutomation: humanAutomation.get(task.taskId) ?? null,
    };
  });
  const taskIds = new Set(tasks.map((t) => t.taskId));
  const orphanLabels = gpts.taskLabels.filter((l) => !taskIds.has(l.taskId)).length;
  if (orphanLabels > 0)
    skipped.push({
      file: GPTS_FILES.labels,
      rows: orphanLabels,
      reason: `labels a task ID that O*NET ${onet.version} does not have`,
    });

  const tasksByCode = new Map<string, typeof tasks>();
  for (const task of tasks) {
    const list = tasksByCode.get(task.code) ?? [];
    list.push(task);
    tasksByCode.set(task.code, list);
  }
  const exposureRows = [...tasksByCode].map(([code, list]) => {
    const human = exposureScores(list, 'human');
    const gpt4 = exposureScores(list, 'gpt4');
    const labelled = list.filter((t) => t.human !== null || t.gpt4 !== null).length;
    return [
      code,
      human?.alpha ?? null,
      human?.beta ?? null,
      human?.gamma ?? null,
      gpt4?.alpha ?? null,
      gpt4?.beta ?? null,
      gpt4?.gamma ?? null,
      labelled,
      list.length - labelled,
    ];
  });

  const tables: TableContents[] = [
    {
      table: 'occupations',
      columns: [
        ['code', 'text'],
        ['title', 'text'],
        ['description', 'text'],
        ['job_zone', 'int'],
      ],
      rows: onet.occupations.map((o) => [o.code, o.title, o.description, jobZone.get(o.code) ?? null]),
    },
    {
      table: 'alternate_titles',
      columns: [
        ['code', 'text'],
        ['title', 'text'],
        ['short_title', 'text'],
        ['sources', 'text'],
      ],
      rows: keep(ONET_FILES.alternateTitles, onet.alternateTitles).map((t) => [
        t.code,
        t.title,
        t.shortTitle,
        t.sources,
      ]),
    },
    {
      table: 'reported_titles',
      columns: [
        ['code', 'text'],
        ['title', 'text'],
      ],
      rows: keep(ONET_FILES.reportedTitles, onet.reportedTitles).map((t) => [t.code, t.title]),
    },
    {
      table: 'tasks',
      columns: [
        ['task_id', 'int'],
        ['code', 'text'],
        ['statement', 'text'],
        ['task_type', 'text'],
        ['incumbents', 'float8'],
        ['importance', 'float8'],
        ['human_exposure', 'text'],
        ['gpt4_exposure', 'text'],
        ['gpt4_automation', 'text'],
        ['human_automation', 'text'],
      ],
      rows: tasks.map((t) => [
        t.taskId,
        t.code,
        t.statement,
        t.taskType,
        t.incumbents,
        t.importance,
        t.human,
        t.gpt4,
        t.gpt4Automation,
        t.humanAutomation,
      ]),
    },
    {
      table: 'iwas',
      columns: [
        ['iwa_id', 'text'],
        ['element_id', 'text'],
        ['title', 'text'],
      ],
      rows: onet.iwas.map((i) => [i.iwaId, i.elementId, i.title]),
    },
    {
      table: 'dwas',
      columns: [
        ['dwa_id', 'text'],
        ['iwa_id', 'text'],
        ['element_id', 'text'],
        ['title', 'text'],
      ],
      rows: onet.dwas.map((d) => [d.dwaId, d.iwaId, d.elementId, d.title]),
    },
    {
      table: 'task_dwas',
      columns: [
        ['code', 'text'],
        ['task_id', 'int'],
        ['dwa_id', 'text'],
      ],
      rows: keep(ONET_FILES.taskDwas, onet.taskDwas).map((t) => [t.code, t.taskId, t.dwaId]),
    },
    {
      table: 'technology_skills',
      columns: [
        ['code', 'text'],
        ['example', 'text'],
        ['commodity_code', 'int'],
        ['commodity_title', 'text'],
        ['hot', 'bool'],
        ['in_demand', 'bool'],
      ],
      rows: keep(ONET_FILES.technologySkills, onet.technologySkills).map((t) => [
        t.code,
        t.example,
        t.commodityCode,
        t.commodityTitle,
        t.hot,
        t.inDemand,
      ]),
    },
    {
      table: 'tools_used',
      columns: [
        ['code', 'text'],
        ['example', 'text'],
        ['commodity_code', 'int'],
        ['commodity_title', 'text'],
      ],
      rows: keep(ONET_FILES.tools, onet.tools).map((t) => [t.code, t.example, t.commodityCode, t.commodityTitle]),
    },
    {
      table: 'related_occupations',
      columns: [
        ['code', 'text'],
        ['related_code', 'text'],
        ['tier', 'text'],
        ['rank', 'int'],
      ],
      rows: keep(ONET_FILES.relatedOccupations, onet.relatedOccupations)
        .filter((r) => known.has(r.relatedCode))
        .map((r) => [r.code, r.relatedCode, r.tier, r.rank]),
    },
    {
      table: 'job_zone_names',
      columns: [
        ['job_zone', 'int'],
        ['name', 'text'],
      ],
      rows: onet.jobZoneNames.map((z) => [z.jobZone, z.name]),
    },
    {
      table: 'education',
      columns: [
        ['code', 'text'],
        ['element_id', 'text'],
        ['element_name', 'text'],
        ['scale_id', 'text'],
        ['category', 'int'],
        ['value', 'float8'],
      ],
      rows: keep(ONET_FILES.education, onet.education).map((e) => [
        e.code,
        e.elementId,
        e.elementName,
        e.scaleId,
        e.category,
        e.value,
      ]),
    },
    {
      table: 'education_categories',
      columns: [
        ['element_id', 'text'],
        ['scale_id', 'text'],
        ['category', 'int'],
        ['description', 'text'],
      ],
      rows: onet.educationCategories.map((c) => [c.elementId, c.scaleId, c.category, c.description]),
    },
    {
      table: 'element_ratings',
      columns: [
        ['code', 'text'],
        ['domain', 'text'],
        ['element_id', 'text'],
        ['element_name', 'text'],
        ['scale_id', 'text'],
        ['value', 'float8'],
      ],
      rows: keep('Skills/Knowledge', onet.elementRatings).map((r) => [
        r.code,
        r.domain,
        r.elementId,
        r.elementName,
        r.scaleId,
        r.value,
      ]),
    },
    {
      table: 'content_model',
      columns: [
        ['element_id', 'text'],
        ['name', 'text'],
        ['description', 'text'],
      ],
      rows: onet.contentModel.map((c) => [c.elementId, c.name, c.description]),
    },
    {
      table: 'occupation_exposure',
      columns: [
        ['code', 'text'],
        ['human_alpha', 'float8'],
        ['human_beta', 'float8'],
        ['human_gamma', 'float8'],
        ['gpt4_alpha', 'float8'],
        ['gpt4_beta', 'float8'],
        ['gpt4_gamma', 'float8'],
        ['labelled_tasks', 'int'],
        ['unlabelled_tasks', 'int'],
      ],
      rows: exposureRows,
    },
    {
      table: 'published_exposure',
      columns: [
        ['code', 'text'],
        ['human_alpha', 'float8'],
        ['human_beta', 'float8'],
        ['human_gamma', 'float8'],
        ['gpt4_alpha', 'float8'],
        ['gpt4_beta', 'float8'],
        ['gpt4_gamma', 'float8'],
      ],
      rows: keep(GPTS_FILES.occupationScores, gpts.publishedScores).map((s) => [
        s.code,
        s.human.alpha,
        s.human.beta,
        s.human.gamma,
        s.gpt4.alpha,
        s.gpt4.beta,
        s.gpt4.gamma,
      ]),
    },
    {
      table: 'wages',
      columns: [
        ['soc', 'text'],
        ['title', 'text'],
        ['employment', 'float8'],
        ['median_annual', 'float8'],
        ['median_hourly', 'float8'],
      ],
      rows: gpts.wages.map((w) => [w.soc, w.title, w.employment, w.medianAnnual, w.medianHourly]),
    },
    ...observedTables(tasks, observed),
    employmentProjections(gpts),
  ];
  const labelledTasks = tasks.filter((t) => t.human !== null || t.gpt4 !== null).length;
  return { tables, summary: { occupations: onet.occupations.length, tasks: tasks.length, labelledTasks, skipped } };
}

/** Observed use per task (matched once, here), per work activity and per occupation. */
function observedTables(
  tasks: readonly { taskId: number; code: string; statement: string }[],
  { anthropic, microsoft }: ObservedSources,
): TableContents[] {
  const index = anthropic && buildObservedUseIndex(anthropic);
  const scores = microsoft?.occupations.map((o) => o.applicability) ?? [];
  return [
    {
      table: 'observed_task_use',
      columns: [
        ['task_id', 'int'],
        ['code', 'text'],
        ['level', 'text'],
        ['pct', 'float8'],
        ['percentile', 'float8'],
        ['via', 'text'],
      ],
      rows: index
        ? tasks.map((task) => {
            const use = index.useOf(task);
            return [task.taskId, task.code, use.level, use.pct, use.percentile, use.via];
          })
        : [],
    },
    {
      table: 'activity_observed_use',
      columns: [
        ['iwa_id', 'text'],
        ['share_user', 'float8'],
        ['share_ai', 'float8'],
        ['completion_user', 'float8'],
        ['completion_ai', 'float8'],
        ['scope_user', 'float8'],
        ['scope_ai', 'float8'],
      ],
      rows: (microsoft?.activities ?? []).map((a) => [
        a.iwa,
        a.shareUser,
        a.shareAi,
        a.completionUser,
        a.completionAi,
        a.scopeUser,
        a.scopeAi,
      ]),
    },
    {
      table: 'occupation_applicability',
      columns: [
        ['soc', 'text'],
        ['title', 'text'],
        ['score', 'float8'],
        ['percentile', 'float8'],
      ],
      rows: (microsoft?.occupations ?? []).map((o) => [
        o.soc,
        o.title,
        o.applicability,
        percentileRank(o.applicability, scores),
      ]),
    },
    {
      table: 'occupation_activity_weights',
      columns: [
        ['soc', 'text'],
        ['iwa_id', 'text'],
        ['weight', 'float8'],
      ],
      rows: (microsoft?.weights ?? []).map((w) => [w.soc, w.iwa, w.weight]),
    },
  ];
}

/** BLS projections are published by occupation title; the OEWS file beside them gives each title its SOC code. */
function employmentProjections(gpts: GptsRelease): TableContents {
  const socByTitle = new Map(gpts.wages.map((w) => [w.title.toLowerCase(), w]));
  const rows: [string, string, number][] = [];
  const seen = new Set<string>();
  for (const projection of gpts.projections) {
    const wage = socByTitle.get(projection.title.toLowerCase());
    if (!wage || seen.has(wage.soc)) continue;
    seen.add(wage.soc);
    rows.push([wage.soc, wage.title, projection.pctChange]);
  }
  return {
    table: 'employment_projections',
    columns: [
      ['soc', 'text'],
      ['title', 'text'],
      ['pct_change', 'float8'],
    ],
    rows,
  };
}
