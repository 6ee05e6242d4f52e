import { basename } from 'node:path';
import { UpskillError } from '../../domain/errors.js';
import type { SkillResolver } from './roster-columns.js';
import { readRosterRows, type RosterInput, type RosterLimits, type RowProblem } from './roster-reader.js';

export interface BenchRecord {
  name: string;
  skills: string[];
  ratePerHour: number;
  currency: string;
  hoursPerWeek: number | null;
  availableFrom: string | null;
}

const BENCH_SYNONYMS: Record<string, readonly string[]> = {
  name: ['name', 'freelancer', 'fullname', 'contractor'],
  skills: ['skills', 'skill', 'expertise'],
  rate: ['rate', 'hourlyrate', 'rateperhour', 'ratehour', 'dayrate8h', 'price'],
  currency: ['currency', 'ccy'],
  hoursPerWeek: ['hoursperweek', 'hours', 'capacity', 'availabilityhours', 'hoursweek'],
  availableFrom: ['availablefrom', 'availability', 'available', 'startdate', 'from'],
};
const normal = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]+/g, '');

/**
 * Reads a freelancer bench (CSV or XLSX: name, skills, rate, availability; currency and hours a week
 * optional). Skills are graph skills by name or id, separated by ; , or |; a row with a problem is
 * refused and named by file, line and column.
 */
export async function readBench(
  input: RosterInput,
  resolveSkill: SkillResolver,
  limits?: RosterLimits,
): Promise<{ file: string; records: BenchRecord[]; problems: RowProblem[]; unknownSkills: string[] }> {
  const file = 'path' in input ? basename(input.path) : basename(input.name);
  let index: Record<string, number> | undefined;
  let headers: string[] = [];
  const records: BenchRecord[] = [];
  const problems: RowProblem[] = [];
  const unknown = new Set<string>();
  for await (const { line, cells } of readRosterRows(input, limits)) {
    if (!index) {
      headers = cells;
      index = {};
      for (const [field, names] of Object.entries(BENCH_SYNONYMS)) {
        const at = cells.findIndex((h) => names.includes(normal(h)));
        if (at !== -1) index[field] = at;
      }
      const missing = ['name', 'skills', 'rate'].filter((f) => index![f] === undefined);
      if (missing.length)
        throw new UpskillError('BAD_INPUT', `${file}, line ${line}: no column for ${missing.join(', ')}.`, {
          hint: 'A bench has the columns name, skills, rate (per hour) and, optionally, currency, hours per week, available from.',
        });
      continue;
    }
    const cell = (field: string) => (index![field] === undefined ? '' : (cells[index![field]!] ?? '').trim());
    const column = (field: string) => headers[index![field]!] ?? field;
    const rowProblems: RowProblem[] = [];
    const name = cell('name');
    if (!name) rowProblems.push({ file, line, column: column('name'), message: 'the name is missing' });
    const rate = Number(cell('rate').replace(/[$€£,\s]/g, ''));
    if (!cell('rate') || !Number.isFinite(rate) || rate <= 0)
      rowProblems.push({ file, line, column: column('rate'), message: `"${cell('rate')}" is not an hourly rate` });
    const hoursText = cell('hoursPerWeek');
    const hours = hoursText ? Number(hoursText) : null;
    if (hours !== null && (!Number.isFinite(hours) || hours < 0 || hours > 80))
      rowProblems.push({
        file,
        line,
        column: column('hoursPerWeek'),
        message: `"${hoursText}" is not hours a week (0–80)`,
      });
    const from = cell('availableFrom');
    const availableFrom = from === '' || /^now$/i.test(from) ? null : from;
    if (availableFrom !== null && !/^\d{4}-\d{2}-\d{2}$/.test(availableFrom))
      rowProblems.push({
        file,
        line,
        column: column('availableFrom'),
        message: `"${from}" is not a date like 2026-12-01`,
      });
    const skills: string[] = [];
    for (const raw of cell('skills').split(/[;,|]/)) {
      const item = raw.trim();
      if (!item) continue;
      const id = resolveSkill(item.replace(/[:=(].*$/, '').trim());
      if (id) skills.push(id);
      else unknown.add(item);
    }
    if (skills.length === 0)
      rowProblems.push({ file, line, column: column('skills'), message: 'no skill the skills graph knows' });
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    records.push({
      name,
      skills: [...new Set(skills)],
      ratePerHour: rate,
      currency: (cell('currency') || 'USD').toUpperCase(),
      hoursPerWeek: hours,
      availableFrom,
    });
  }
  if (!index) throw new UpskillError('DOCUMENT_EMPTY', `${file}: the bench has no header row`);
  return { file, records, problems, unknownSkills: [...unknown] };
}
