import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isUpskillError, UpskillError } from '../domain/errors.js';
import { isClearMatch, resolveTitle, type TitleIndex } from '../domain/titles/index.js';
import { surfaceKey } from '../domain/skills/skill-graph.js';
import {
  parseColumnMap,
  readRoster,
  readRosterRows,
  type ColumnMapping,
  type RosterInput,
  type RosterLimits,
  type RowProblem,
  type SkillResolver,
} from '../sources/roster/index.js';
import { readDocument } from '../sources/documents/read-document.js';
import * as org from '../store/organisation.repository.js';
import { levelsFromResume } from './build-plan.js';
import { accessNote, assessWorkforce, storeGaps, viewerFor } from './assess-workforce.js';
import type { Principal } from '../domain/access/index.js';
import type { UpskillApp } from './upskill-app.js';

/** Titles whose best match is this strong and clear are taken; the others are listed to confirm. */
export const CONFIRM_THRESHOLD = 0.6;
/** People written per transaction while streaming a roster. */
const WRITE_BATCH = 5000;
/** Problems kept in the report (all are counted). */
const MAX_REPORTED_PROBLEMS = 1000;

export interface ImportOptions {
  /** `--map` lines "Column=field". */
  map?: readonly string[];
  /** Résumés, matched to people by the person id or name in the file name. */
  resumes?: ResumeSource;
  limits?: RosterLimits;
  onProgress?: (progress: { rows: number; stage: 'reading' | 'assessing' }) => void;
  /** Made-up people (the demo company). */
  fictional?: boolean;
}

export interface ImportReport {
  file: string;
  format: 'csv' | 'xlsx';
  rows: number;
  added: number;
  updated: number;
  rejected: RowProblem[];
  rejectedCount: number;
  titles: { resolved: number; lowConfidence: number; unresolved: number; threshold: number };
  skills: { roster: number; resume: number; onetDefault: number; unknown: string[] };
  resumes: { matched: number; unmatched: string[]; failed: RowProblem[] };
  seconds: number;
}

const skillResolvers = new WeakMap<object, SkillResolver>();

/** Finds a graph skill by its id, name or an alias, however it is spaced or cased ("Prompt Engineering", "prompt-engineering"). */
export function skillResolver(app: UpskillApp): SkillResolver {
  const graph = app.skillGraph();
  let resolver = skillResolvers.get(graph.skills);
  if (!resolver) {
    const byKey = new Map<string, string>();
    for (const skill of graph.skills)
      for (const surface of [skill.id, skill.name, ...skill.aliases]) {
        const key = surfaceKey(surface);
        if (key && !byKey.has(key)) byKey.set(key, skill.id);
      }
    resolver = (name: string) => byKey.get(surfaceKey(name));
    skillResolvers.set(graph.skills, resolver);
  }
  return resolver;
}

/** A title's occupation and how sure the resolver is, looked up once per distinct title. */
export interface TitleResolution {
  code: string | null;
  score: number | null;
  clear: boolean;
}

export function titleResolver(index: TitleIndex): (title: string) => TitleResolution {
  const cache = new Map<string, TitleResolution>();
  return (title) => {
    const key = title.trim().toLowerCase();
    let hit = cache.get(key);
    if (!hit) {
      const matches = resolveTitle(index, title, { limit: 2 });
      const best = matches[0];
      hit = best
        ? { code: best.code, score: Math.round(best.score * 1000) / 1000, clear: isClearMatch(matches) }
        : { code: null, score: null, clear: false };
      cache.set(key, hit);
    }
    return hit;
  };
}

export interface RosterPreview {
  file: string;
  format: 'csv' | 'xlsx';
  columns: (Omit<ColumnMapping, 'index'> & { sample: string[] })[];
  skillLayout: 'list-column' | 'column-per-skill' | 'none';
  missing: string[];
  rows: number;
  problems: RowProblem[];
}

/** The column mapping the import would use, with sample values and the first rows' problems, before anything is stored. */
export async function previewRoster(
  app: UpskillApp,
  input: RosterInput,
  options: Pick<ImportOptions, 'map' | 'limits'> = {},
): Promise<RosterPreview> {
  const problems: RowProblem[] = [];
  let columns: ColumnMapping[] = [];
  const result = await readRoster(input, {
    explicit: parseColumnMap(options.map ?? []),
    resolveSkill: skillResolver(app),
    ...(options.limits ? { limits: options.limits } : {}),
    maxRows: 20,
    onColumns: (found) => (columns = found),
    onRecord: () => undefined,
    onProblem: (problem) => problems.push(problem),
  });
  // The first three data rows' cells, column by column, as the file has them.
  const samples: string[][] = columns.map(() => []);
  let seen = 0;
  for await (const { cells } of readRosterRows(input, options.limits)) {
    if (seen++ === 0) continue;
    columns.forEach((column, i) => samples[i]!.push(cells[column.index] ?? ''));
    if (seen > 3) break;
  }
  return {
    file: result.file,
    format: result.format,
    columns: columns.map(({ index: _index, ...c }, i) => ({ ...c, sample: samples[i] ?? [] })),
    skillLayout: columns.some((c) => c.field === 'skills')
      ? 'list-column'
      : columns.some((c) => c.field?.startsWith('skill:'))
        ? 'column-per-skill'
        : 'none',
    missing: (['personKey', 'title'] as const).filter((f) => !columns.some((c) => c.field === f)),
    rows: result.rows,
    problems,
  };
}

/** Résumés to match by file name: a folder's files (the CLI), or files sent with an upload. */
export type ResumeSource = { dir: string } | { files: readonly { name: string; bytes: Uint8Array }[] };

interface ResumeFile {
  name: string;
  read(): Uint8Array;
}

/** Résumés by the person id or the name in their file name (lower case, letters and digits). */
function resumeIndex(source: ResumeSource): Map<string, ResumeFile> {
  let files: ResumeFile[];
  if ('dir' in source) {
    let entries: string[];
    try {
      entries = readdirSync(source.dir);
    } catch {
      throw new UpskillError('NOT_FOUND', `--resumes ${source.dir}: there is no such folder.`);
    }
    files = entries
      .map((entry) => join(source.dir, entry))
      .filter((path) => statSync(path).isFile())
      .map((path) => ({ name: basename(path), read: () => new Uint8Array(readFileSync(path)) }));
  } else files = source.files.map((file) => ({ name: basename(file.name), read: () => file.bytes }));
  const index = new Map<string, ResumeFile>();
  for (const file of files) {
    const stem = basename(file.name, extname(file.name)).toLowerCase();
    index.set(stem.replace(/[^a-z0-9]+/g, ''), file);
    for (const part of stem.split(/[^a-z0-9]+/)) if (part && !index.has(part)) index.set(part, file);
  }
  return index;
}

const keyOf = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Imports a roster: streams it, resolves each distinct title once (with its score; unclear ones are
 * listed to confirm), reads matched résumés, and writes people and their roster/résumé skills in
 * batches — a re-import updates people in place by their person id. Then assesses everyone and
 * stores their gaps for the roll-ups.
 */
export async function importRoster(
  app: UpskillApp,
  input: RosterInput,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = Date.now();
  const resolveSkill = skillResolver(app);
  const resolveTitleOf = titleResolver(await app.titleIndex());
  const existing = new Set((await org.listPeople(app.database)).map((p) => p.personKey));
  const resumes = options.resumes ? resumeIndex(options.resumes) : undefined;
  const usedResumes = new Set<ResumeFile>();
  const report: ImportReport = {
    file: '',
    format: 'csv',
    rows: 0,
    added: 0,
    updated: 0,
    rejected: [],
    rejectedCount: 0,
    titles: { resolved: 0, lowConfidence: 0, unresolved: 0, threshold: CONFIRM_THRESHOLD },
    skills: { roster: 0, resume: 0, onetDefault: 0, unknown: [] },
    resumes: { matched: 0, unmatched: [], failed: [] },
    seconds: 0,
  };
  const unknown = new Set<string>();
  let batch: { person: org.OrgPerson; skills: org.OrgPersonSkill[] }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const people = batch.map((b) => b.person);
    const skills = batch.flatMap((b) => b.skills);
    await app.database.transaction(async (tx) => {
      await org.upsertPeople(tx, people);
      await org.replacePersonSkills(
        tx,
        people.map((p) => p.personKey),
        skills,
      );
    });
    batch = [];
  };
  const extractor = resumes ? await app.skillExtractor() : undefined;
  let file = '';
  const result = await readRoster(input, {
    explicit: parseColumnMap(options.map ?? []),
    resolveSkill,
    ...(options.limits ? { limits: options.limits } : {}),
    onProblem: (problem) => {
      report.rejectedCount += 1;
      if (report.rejected.length < MAX_REPORTED_PROBLEMS) report.rejected.push(problem);
    },
    onRecord: async (record) => {
      file ||= 'path' in input ? basename(input.path) : input.name;
      report.rows += 1;
      for (const name of record.unknownSkills) unknown.add(name);
      const title = resolveTitleOf(record.title);
      if (title.code === null) report.titles.unresolved += 1;
      else if (title.clear) report.titles.resolved += 1;
      else report.titles.lowConfidence += 1;
      const skills: org.OrgPersonSkill[] = record.skills.map((s) => ({
        personKey: record.personKey,
        skillId: s.skillId,
        level: s.level,
        source: 'roster',
      }));
      report.skills.roster += skills.length;
      let resumeFile: string | null = null;
      if (resumes && extractor) {
        const resume =
          resumes.get(keyOf(record.personKey)) ?? (record.name ? resumes.get(keyOf(record.name)) : undefined);
        if (resume) {
          resumeFile = resume.name;
          usedResumes.add(resume);
          try {
            const text = (await readDocument(resume.read(), resume.name)).text;
            const have = new Set(skills.map((s) => s.skillId));
            for (const [skillId, level] of levelsFromResume(app, text, extractor)) {
              if (have.has(skillId)) continue; // the roster wins over the résumé
              skills.push({ personKey: record.personKey, skillId, level, source: 'resume' });
              report.skills.resume += 1;
            }
            report.resumes.matched += 1;
          } catch (error) {
            if (!isUpskillError(error)) throw error;
            report.resumes.failed.push({ file: resume.name, line: 0, column: null, message: error.message });
          }
        }
      }
      if (existing.has(record.personKey)) report.updated += 1;
      else report.added += 1;
      existing.add(record.personKey);
      batch.push({
        person: {
          personKey: record.personKey,
          name: record.name,
          email: record.email,
          title: record.title,
          team: record.team,
          department: record.department,
          managerKey: record.managerKey,
          level: record.level,
          yearsInRole: record.yearsInRole,
          location: record.location,
          learningHoursPerWeek: record.learningHoursPerWeek,
          occupationCode: title.code,
          titleScore: title.score,
          titleConfirmed: false,
          titleClear: title.clear,
          resumeFile,
          target: record.target,
          fictional: options.fictional ?? false,
          sourceFile: file,
          sourceLine: record.line,
        },
        skills,
      });
      if (batch.length >= WRITE_BATCH) {
        await flush();
        options.onProgress?.({ rows: report.rows, stage: 'reading' });
      }
    },
  });
  await flush();
  report.file = result.file;
  report.format = result.format;
  report.skills.unknown = [...unknown].sort();
  if (resumes)
    report.resumes.unmatched = [...new Set(resumes.values())]
      .filter((file) => !usedResumes.has(file))
      .map((file) => file.name)
      .sort();
  options.onProgress?.({ rows: report.rows, stage: 'assessing' });
  const assessment = await assessWorkforce(app, { fresh: true });
  report.skills.onetDefault = assessment.onetDefaults;
  await storeGaps(app, assessment);
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}

/** Confirms people's occupations ("E12=13-2011.00"); answers who was confirmed and which ids are not on the roster. */
export async function confirmOccupations(
  app: UpskillApp,
  confirmations: readonly { personKey: string; occupationCode: string }[],
): Promise<{ confirmed: string[]; unknown: string[] }> {
  const known = new Set(
    (await app.database.query<{ code: string }>('select code from occupations')).map((r) => r.code),
  );
  for (const c of confirmations)
    if (!known.has(c.occupationCode))
      throw new UpskillError(
        'NOT_FOUND',
        `${c.personKey}=${c.occupationCode}: there is no occupation with that code.`,
        {
          hint: 'Find the code with `upskill occupations search "<title>"`.',
        },
      );
  const confirmed = await org.confirmTitles(app.database, confirmations);
  const done = new Set(confirmed);
  if (confirmed.length) await storeGaps(app, await assessWorkforce(app, { fresh: true }));
  return { confirmed: confirmed.sort(), unknown: confirmations.map((c) => c.personKey).filter((k) => !done.has(k)) };
}

/** Parses confirmation lines "E12=13-2011.00" (arguments or a file's lines). */
export function parseConfirmations(lines: readonly string[]): { personKey: string; occupationCode: string }[] {
  return lines
    .flatMap((line) => line.split(/[\n,]/))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^(.+?)\s*[=\t]\s*(\d{2}-\d{4}(?:\.\d{2})?)$/.exec(line);
      if (!match)
        throw new UpskillError(
          'BAD_INPUT',
          `"${line}": write a confirmation as <person id>=<occupation code>, e.g. E12=13-2011.00.`,
        );
      const code = match[2]!.length === 7 ? `${match[2]}.00` : match[2]!;
      return { personKey: match[1]!, occupationCode: code };
    });
}

export interface PeopleView {
  total: number;
  shown: number;
  hidden: number;
  people: (org.OrgPerson & {
    occupationTitle: string | null;
    candidates?: { code: string; title: string; score: number }[];
  })[];
  access: string;
}

/**
 * The roster's people the viewer may see (the others are counted), optionally only the titles to
 * confirm — each with the occupations the title could be, to confirm in bulk.
 */
export async function rosterPeople(
  app: UpskillApp,
  filter: org.PeopleFilter,
  principal: Principal,
): Promise<PeopleView> {
  // Everyone in the group is read: the page is cut after hiding those the viewer may not see.
  const [all, names, relations] = await Promise.all([
    org.listPeople(app.database, { ...filter, limit: undefined, offset: undefined }),
    app.database.query<{ code: string; title: string }>('select code, title from occupations'),
    org.listPersonRelations(app.database),
  ]);
  const may = viewerFor(principal, { relations: new Map(relations.map((r) => [r.personKey, r])) });
  const visible = all.filter((p) => may(p.personKey));
  const offset = filter.offset ?? 0;
  const page = visible.slice(offset, offset + (filter.limit ?? 100));
  const titleOf = new Map(names.map((n) => [n.code, n.title]));
  const index = filter.unconfirmed ? await app.titleIndex() : undefined;
  return {
    total: all.length,
    shown: page.length,
    hidden: all.length - visible.length,
    people: page.map((p) => ({
      ...p,
      occupationTitle: p.occupationCode ? (titleOf.get(p.occupationCode) ?? null) : null,
      ...(index
        ? {
            candidates: resolveTitle(index, p.title, { limit: 3 }).map((m) => ({
              code: m.code,
              title: m.title,
              score: Math.round(m.score * 1000) / 1000,
            })),
          }
        : {}),
    })),
    access: accessNote(principal),
  };
}
