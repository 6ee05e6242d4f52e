import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UpskillError } from '../domain/errors.js';
import { readRecords } from './tabular-file.js';

export interface EscoSkillRecord {
  uri: string | null;
  label: string;
  synonyms: string[];
  skillType: string | null;
}

/** The skills file of an ESCO CSV export: the official skills_en.csv, or a labels-only skills_en_labels.csv. */
export function findEscoSkillsFile(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir).find((file) => /^skills_[a-z]{2}(_labels)?\.csv$/.test(file));
  return name && join(dir, name);
}

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
  const skills = await readRecords(
    file,
    { delimiter: ',', quoted: true, requiredColumns: ['preferredLabel', 'altLabels'] },
    (row) => ({
      uri: row.optionalText('conceptUri'),
      label: row.text('preferredLabel'),
      synonyms: (row.optionalText('altLabels') ?? '')
        .split(/\n|\s\|\s/)
        .map((label) => label.trim())
        .filter((label) => label.length > 0),
      skillType: row.optionalText('skillType'),
    }),
  );
  return { file, skills };
}
