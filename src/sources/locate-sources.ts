import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ONET_FILES, REQUIRED_ONET_FILES, readOnetVersion } from './onet-release.js';
import { REQUIRED_GPTS_FILES } from './gpts-release.js';
import { ANTHROPIC_FILES, MICROSOFT_FILES } from './observed-use-release.js';
import { findEscoSkillsFile, isEscoFolder } from './esco-release.js';

/** Folders that hold each source, found by the files inside rather than by folder names. */
export interface FoundSources {
  /** The release with occupations and tasks. */
  onet?: { dir: string; version: string };
  /** A release that has the ratings files (Skills, Knowledge, Task Ratings), possibly newer. */
  onetRatings?: { dir: string; version: string };
  gpts?: { dir: string };
  /** Observed use: the Anthropic Economic Index and Microsoft's Working with AI (optional). */
  anthropic?: { dir: string };
  microsoft?: { dir: string };
  /** ESCO folders (optional): a skills file (full export or labels) first, then the collections. */
  esco?: { dirs: string[] };
}

const RATING_FILES = [ONET_FILES.skills, ONET_FILES.knowledge, ONET_FILES.taskRatings];
// The exposure labels key on O*NET 27.0 task IDs, so that release wins when several are present.
const LABELLED_ONET_VERSION = '27.0';

function candidateDirs(root: string, depth: number): string[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  const dirs = [root];
  if (depth === 0) return dirs;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith('.'))
      dirs.push(...candidateDirs(join(root, entry.name), depth - 1));
  }
  return dirs;
}

const hasAll = (dir: string, files: readonly string[]): boolean => files.every((file) => existsSync(join(dir, file)));
const newer = (a: string, b: string): boolean => Number(a) > Number(b);

/** Looks for every source in a folder, its sub-folders and theirs. */
export function findSourcesIn(root: string): FoundSources {
  const found: FoundSources = {};
  for (const dir of candidateDirs(root, 2)) {
    const version = readOnetVersion(dir) ?? /(\d+\.\d+)/.exec(basename(dir))?.[1] ?? 'unknown';
    if (hasAll(dir, REQUIRED_ONET_FILES)) {
      const current = found.onet;
      if (
        !current ||
        version === LABELLED_ONET_VERSION ||
        (current.version !== LABELLED_ONET_VERSION && newer(version, current.version))
      ) {
        found.onet = { dir, version };
      }
    }
    if (RATING_FILES.some((file) => existsSync(join(dir, file)))) {
      if (!found.onetRatings || newer(version, found.onetRatings.version)) found.onetRatings = { dir, version };
    }
    if (!found.gpts && hasAll(dir, REQUIRED_GPTS_FILES)) found.gpts = { dir };
    // Recognised by their main file, so that a copy missing another file is reported, not skipped.
    if (!found.anthropic && hasAll(dir, [ANTHROPIC_FILES.shares])) found.anthropic = { dir };
    if (!found.microsoft && hasAll(dir, [MICROSOFT_FILES.activities])) found.microsoft = { dir };
    if (isEscoFolder(dir)) (found.esco ??= { dirs: [] }).dirs.push(dir);
  }
  // The folder with the fullest skills file leads: skills_en.csv, then a labels copy, then collections only.
  const rank = (dir: string): number => {
    const file = findEscoSkillsFile(dir);
    return file ? (file.endsWith('_labels.csv') ? 1 : 0) : 2;
  };
  found.esco?.dirs.sort((a, b) => rank(a) - rank(b));
  return found;
}

/** Merges finds in priority order: the first place that has a source provides it. */
export function mergeFound(finds: readonly FoundSources[]): FoundSources {
  const merged: FoundSources = {};
  for (const found of finds) {
    merged.onet ??= found.onet;
    merged.onetRatings ??= found.onetRatings;
    merged.gpts ??= found.gpts;
    merged.anthropic ??= found.anthropic;
    merged.microsoft ??= found.microsoft;
    merged.esco ??= found.esco;
  }
  return merged;
}
