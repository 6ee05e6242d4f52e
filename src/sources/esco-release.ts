import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UpskillError } from '../domain/errors.js';
import { readRecords } from './tabular-file.js';

export interface EscoSkillRecord {
  uri: string | null;
  label: string;
  synonyms: string[];
  skillType: string | null;
  description: string | null;
  /** The ESCO collections that list the skill: "digital", "language", "transversal", "green", … */
  collections: string[];
}

export interface EscoRelation {
  skillUri: string;
  relatedUri: string;
  /** "essential" or "optional" in ESCO's skill-to-skill relations. */
  relationType: string;
}

/** What an ESCO folder (or several) gave: the skills merged by label, their relations, and the files read. */
export interface EscoRelease {
  skills: EscoSkillRecord[];
  relations: EscoRelation[];
  files: { path: string; rows: number }[];
}

const COLLECTION_FILE = /^([a-zA-Z]+)SkillsCollection_[a-z]{2}\.csv$/;
const RELATIONS_FILE = 'skillSkillRelations_en.csv';

/** The skills file of an ESCO CSV export: the official skills_en.csv, or a labels-only skills_en_labels.csv. */
export function findEscoSkillsFile(dir: string): string | undefined {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  const names = readdirSync(dir).filter((file) => /^skills_[a-z]{2}(_labels)?\.csv$/.test(file));
  // The full export beats a labels-only copy: it has URIs and descriptions.
  const name = names.find((file) => !file.includes('_labels')) ?? names[0];
  return name && join(dir, name);
}

/** True when a folder holds any ESCO skill data this reader takes. */
export function isEscoFolder(dir: string): boolean {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return false;
  return findEscoSkillsFile(dir) !== undefined || readdirSync(dir).some((file) => COLLECTION_FILE.test(file));
}

const splitList = (cell: string | null): string[] =>
  (cell ?? '')
    .split(/\n|\s\|\s/)
    .map((label) => label.trim())
    .filter((label) => label.length > 0);

/** Reads ESCO skills with their synonyms (altLabels, one per line inside the quoted cell). */
export async function readEscoSkills(dir: string): Promise<{ file: string; skills: EscoSkillRecord[] }> {
  const file = findEscoSkillsFile(dir);
  if (!file) {
    throw new UpskillError('SOURCE_NOT_FOUND', `${dir}: no ESCO skills file (skills_en.csv) found`, {
      hint:
        'Download the ESCO classification as CSV from https://esco.ec.europa.eu/en/use-esco/download ' +
        'and point --esco at the unzipped folder.',
    });
  }
  return { file, skills: await readSkillRows(file, []) };
}

function readSkillRows(file: string, collections: string[]): Promise<EscoSkillRecord[]> {
  return readRecords(
    file,
    { delimiter: ',', quoted: true, requiredColumns: ['preferredLabel', 'altLabels'] },
    (row) => ({
      uri: row.optionalText('conceptUri'),
      label: row.text('preferredLabel'),
      synonyms: splitList(row.optionalText('altLabels')),
      skillType: row.optionalText('skillType'),
      description: row.optionalText('description'),
      collections,
    }),
  );
}

/**
 * The folders to read for `--esco <dir>`: the folder itself, and when it lacks a skills file (ESCO
 * 1.2.0 here ships the collections and relations but not skills_en.csv) or the collections, the
 * sibling folders that have them (the 1.1.1 labels beside it).
 */
export function escoFoldersFor(dir: string): string[] {
  const skillsFile = findEscoSkillsFile(dir);
  if (skillsFile && !skillsFile.endsWith('_labels.csv')) return [dir];
  const parent = dirname(dir);
  const siblings = existsSync(parent) ? readdirSync(parent).sort() : [];
  // A labels-only copy gains the collections beside it; collections alone gain the labels beside them.
  const wanted = (sibling: string): boolean =>
    isEscoFolder(sibling) && (skillsFile ? findEscoSkillsFile(sibling) === undefined : true);
  return [dir, ...siblings.map((name) => join(parent, name)).filter((sibling) => sibling !== dir && wanted(sibling))];
}

/**
 * Reads everything ESCO the folders offer and merges it by preferred label: the skills file (full
 * export, or the labels-only 1.1.1 copy), each skills collection (URIs, synonyms, descriptions and
 * membership), and the skill-to-skill relations.
 */
export async function readEscoRelease(dirs: readonly string[]): Promise<EscoRelease> {
  const files: EscoRelease['files'] = [];
  const byLabel = new Map<string, EscoSkillRecord>();
  const skillsFile = dirs.map(findEscoSkillsFile).find(Boolean);
  if (skillsFile) {
    const rows = await readSkillRows(skillsFile, []);
    files.push({ path: skillsFile, rows: rows.length });
    for (const skill of rows)
      if (!byLabel.has(skill.label.toLowerCase())) byLabel.set(skill.label.toLowerCase(), skill);
  }
  let relationsFile: string | undefined;
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name === RELATIONS_FILE) relationsFile ??= join(dir, name);
      const collection = COLLECTION_FILE.exec(name)?.[1];
      if (!collection) continue;
      const file = join(dir, name);
      const rows = await readSkillRows(file, [collection]);
      files.push({ path: file, rows: rows.length });
      for (const row of rows) {
        const known = byLabel.get(row.label.toLowerCase());
        if (!known) {
          byLabel.set(row.label.toLowerCase(), row);
          continue;
        }
        known.uri ??= row.uri;
        known.description ??= row.description;
        known.skillType ??= row.skillType;
        known.synonyms = [...new Set([...known.synonyms, ...row.synonyms])];
        if (!known.collections.includes(collection)) known.collections = [...known.collections, collection];
      }
    }
  }
  if (byLabel.size === 0) {
    throw new UpskillError('SOURCE_NOT_FOUND', `${dirs.join(', ')}: no ESCO skills found`, {
      hint:
        'Point --esco at an ESCO CSV export (skills_en.csv), a labels copy (skills_en_labels.csv) or a folder of ' +
        'ESCO skills collections (*SkillsCollection_en.csv). Download ESCO from https://esco.ec.europa.eu/en/use-esco/download.',
    });
  }
  const relations: EscoRelation[] = [];
  if (relationsFile) {
    const rows = await readRecords(
      relationsFile,
      { delimiter: ',', quoted: true, requiredColumns: ['originalSkillUri', 'relationType', 'relatedSkillUri'] },
      (row) => ({
        skillUri: row.text('originalSkillUri'),
        relatedUri: row.text('relatedSkillUri'),
        relationType: row.text('relationType'),
      }),
    );
    files.push({ path: relationsFile, rows: rows.length });
    relations.push(...rows);
  }
  return { skills: [...byLabel.values()], relations, files };
}

/** "esco-1.2.0" → "1.2.0"; several folders → "1.1.1 + 1.2.0". */
export function escoVersionOf(dirs: readonly string[]): string {
  const versions = dirs.map((dir) => /esco[-_ ]?v?(\d+\.\d+(\.\d+)?)/i.exec(basename(dir))?.[1]).filter(Boolean);
  return versions.length > 0 ? [...new Set(versions)].join(' + ') : 'unknown';
}
