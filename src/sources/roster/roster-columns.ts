import { UpskillError } from '../../domain/errors.js';
import { parseLevel } from '../../domain/planning/skill-levels.js';

/** The roster fields a column can fill. */
export const ROSTER_FIELDS = [
  'personKey',
  'name',
  'email',
  'title',
  'team',
  'department',
  'managerKey',
  'level',
  'yearsInRole',
  'location',
  'learningHoursPerWeek',
  'skills',
  'target',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Header names (normalised: lower case, letters and digits only) each field is found by. */
const SYNONYMS: Record<RosterField, readonly string[]> = {
  personKey: [
    'personid',
    'employeeid',
    'employeenumber',
    'empid',
    'staffid',
    'id',
    'personkey',
    'workerid',
    'employeeno',
  ],
  name: ['name', 'fullname', 'employeename', 'employee', 'person', 'displayname'],
  email: ['email', 'emailaddress', 'workemail', 'mail'],
  title: ['jobtitle', 'title', 'position', 'role', 'jobrole', 'positiontitle', 'job'],
  team: ['team', 'teamname', 'group', 'unit', 'squad'],
  department: ['department', 'dept', 'division', 'function', 'businessunit', 'org', 'organisation', 'organization'],
  managerKey: ['manager', 'managerid', 'managerkey', 'reportsto', 'linemanager', 'supervisor', 'supervisorid'],
  level: ['grade', 'level', 'band', 'jobgrade', 'joblevel', 'seniority', 'paygrade'],
  yearsInRole: ['yearsinrole', 'tenure', 'yearsinposition', 'years', 'tenureyears', 'timeinrole'],
  location: ['location', 'office', 'site', 'city', 'country'],
  learningHoursPerWeek: [
    'hoursforlearning',
    'learninghours',
    'learninghoursperweek',
    'hoursperweek',
    'trainingtime',
    'learninghoursweek',
  ],
  skills: ['skills', 'skilllevels', 'competencies', 'skillset', 'capabilities'],
  target: ['target', 'targetrole', 'aimrole', 'futurerole'],
};

const normal = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]+/g, '');

export interface ColumnMapping {
  header: string;
  index: number;
  /** A roster field, `skill:<id>` for a column of one skill's levels, or null when ignored. */
  field: RosterField | `skill:${string}` | null;
  how: 'synonym' | 'mapped' | 'skill-column' | 'ignored';
}

/** Finds a graph skill id for a name a roster uses ("Python", "prompt engineering", "SQL level"). */
export type SkillResolver = (name: string) => string | undefined;

/** Parses `--map` lines: "Column name=field" (field is a roster field or skill:<id>). */
export function parseColumnMap(lines: readonly string[]): Map<string, ColumnMapping['field']> {
  const map = new Map<string, ColumnMapping['field']>();
  for (const raw of lines.flatMap((line) => line.split(/[\n,]/))) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.lastIndexOf('=');
    if (at <= 0)
      throw new UpskillError('BAD_INPUT', `--map "${line}": write it as "Column name=field".`, {
        hint: `Fields: ${ROSTER_FIELDS.join(', ')}, skill:<skill id>, or "ignore".`,
      });
    const column = line.slice(0, at).trim();
    const field = line.slice(at + 1).trim();
    if (field === 'ignore') map.set(normal(column), null);
    else if ((ROSTER_FIELDS as readonly string[]).includes(field)) map.set(normal(column), field as RosterField);
    else if (/^skill:[a-z0-9-]+$/.test(field)) map.set(normal(column), field as `skill:${string}`);
    else
      throw new UpskillError('BAD_INPUT', `--map "${line}": "${field}" is not a roster field.`, {
        hint: `Fields: ${ROSTER_FIELDS.join(', ')}, skill:<skill id>, or "ignore".`,
      });
  }
  return map;
}

/**
 * Which field each column fills: an explicit mapping first, then the synonyms, then a column whose
 * header is a skill ("Python", "SQL level", "Skill: Excel") holds that skill's levels.
 */
export function mapColumns(
  headers: readonly string[],
  explicit: ReadonlyMap<string, ColumnMapping['field']>,
  resolveSkill: SkillResolver,
): ColumnMapping[] {
  const taken = new Set<string>();
  const mappings: ColumnMapping[] = headers.map((header, index) => {
    const key = normal(header);
    if (explicit.has(key)) {
      const field = explicit.get(key)!;
      if (field) taken.add(field);
      return { header, index, field, how: field ? 'mapped' : 'ignored' };
    }
    return { header, index, field: null, how: 'ignored' };
  });
  for (const mapping of mappings) {
    if (mapping.how !== 'ignored' || explicit.has(normal(mapping.header))) continue;
    const key = normal(mapping.header);
    const field = ROSTER_FIELDS.find((f) => !taken.has(f) && SYNONYMS[f].includes(key));
    if (field) {
      taken.add(field);
      mapping.field = field;
      mapping.how = 'synonym';
      continue;
    }
    const skillName = mapping.header.replace(/^\s*skill\s*[:-]\s*/i, '').replace(/\s+(level|lvl|rating)\s*$/i, '');
    const skillId = resolveSkill(skillName);
    if (skillId) {
      mapping.field = `skill:${skillId}`;
      mapping.how = 'skill-column';
    }
  }
  return mappings;
}

/** One skill named in a roster, with its level (0–4). */
export interface RosterSkill {
  name: string;
  level: number;
}

/**
 * Parses a skills cell in any of the usual layouts: "Python:3; SQL:2", "Python=3, SQL=2",
 * "Python (3) | SQL (can use)", or plain names (each then "can use", level 2). Answers the skills
 * and the items it could not read.
 */
export function parseSkillList(cell: string): { skills: RosterSkill[]; bad: string[] } {
  const skills: RosterSkill[] = [];
  const bad: string[] = [];
  for (const raw of cell.split(/[;|,\n]/)) {
    const item = raw.trim();
    if (!item) continue;
    const match = /^(.+?)\s*(?:[:=]\s*(.+)|\((.+)\))\s*$/.exec(item);
    if (!match) {
      skills.push({ name: item, level: 2 });
      continue;
    }
    const level = parseLevel(match[2] ?? match[3] ?? '');
    if (level === undefined) bad.push(item);
    else skills.push({ name: match[1]!.trim(), level });
  }
  return { skills, bad };
}
