import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { UpskillError } from '../../domain/errors.js';
import { parseLevel } from '../../domain/planning/skill-levels.js';
import { DEFAULT_DOCUMENT_LIMITS, megabytes } from '../documents/document-limits.js';
import { checkZipInflation } from '../documents/zip-inflation-check.js';
import {
  mapColumns,
  parseSkillList,
  type ColumnMapping,
  type RosterField,
  type RosterSkill,
  type SkillResolver,
} from './roster-columns.js';
import { toStorableText } from '../../domain/text/normalize.js';

export type RosterFormat = 'csv' | 'xlsx';

/** A roster file: a path on disk (CLI, streamed) or bytes uploaded (API, limited). */
export type RosterInput = { path: string } | { bytes: Uint8Array; name: string };

/** What an uploaded roster may cost to read: the same kind of limits as a résumé upload, sized for 100,000 people. */
export interface RosterLimits {
  maxBytes: number;
  /** Bytes an XLSX may inflate to, counted before exceljs reads it. */
  maxInflatedBytes: number;
  maxEntryBytes: number;
  /** Wall-clock time to read the file, in milliseconds. */
  deadlineMs: number;
}

export const UPLOAD_ROSTER_LIMITS: RosterLimits = {
  maxBytes: DEFAULT_DOCUMENT_LIMITS.maxBytes,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxEntryBytes: 200 * 1024 * 1024,
  deadlineMs: 60_000,
};

export interface RowProblem {
  file: string;
  line: number;
  column: string | null;
  message: string;
}

/** One person as the roster gives them. */
export interface RosterRecord {
  line: number;
  personKey: string;
  name: string | null;
  email: string | null;
  title: string;
  team: string | null;
  department: string | null;
  managerKey: string | null;
  level: string | null;
  yearsInRole: number | null;
  location: string | null;
  learningHoursPerWeek: number | null;
  target: string | null;
  /** Skills the roster names, resolved to graph ids where it could. */
  skills: { skillId: string; level: number }[];
  unknownSkills: string[];
}

export const formatOf = (name: string): RosterFormat => {
  const ext = extname(name).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new UpskillError('DOCUMENT_UNSUPPORTED', `${basename(name)}: a roster is a .csv or .xlsx file.`, {
    hint: 'Export the roster from your HR system or spreadsheet as CSV or Excel (.xlsx).',
  });
};

/** The first few KB of the file, to tell its delimiter. */
function sampleOf(input: RosterInput): string {
  if ('bytes' in input) return Buffer.from(input.bytes.subarray(0, 4096)).toString('utf8');
  const fd = openSync(input.path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    return buffer.subarray(0, readSync(fd, buffer, 0, 4096, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Comma, semicolon (spreadsheets in many European locales) or tab: whichever the header line has most of. */
export function detectDelimiter(sample: string): ',' | ';' | '\t' {
  const header = sample.split(/\r?\n/)[0] ?? '';
  const count = (ch: string) => header.split(ch).length - 1;
  const [best] = ([',', ';', '\t'] as const).map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ',';
}

const nameOf = (input: RosterInput): string => ('path' in input ? basename(input.path) : basename(input.name));

function checkUpload(input: RosterInput, limits: RosterLimits | undefined): void {
  if (!('bytes' in input) || !limits) return;
  if (input.bytes.length > limits.maxBytes)
    throw new UpskillError(
      'DOCUMENT_TOO_LARGE',
      `${input.name}: ${megabytes(input.bytes.length, 1)} is over the ${megabytes(limits.maxBytes)} limit for an upload`,
      { hint: 'Import a larger roster with `upskill org import <file>` on the server, which streams it.' },
    );
  if (input.bytes.length === 0) throw new UpskillError('DOCUMENT_EMPTY', `${input.name}: the file is empty`);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return toStorableText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[]; hyperlink?: string };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return '';
}

/** The rows of a roster file, header first, each with its 1-based line (CSV) or row number (XLSX). */
export async function* readRosterRows(
  input: RosterInput,
  limits?: RosterLimits,
): AsyncGenerator<{ line: number; cells: string[] }> {
  const name = nameOf(input);
  const format = formatOf(name);
  checkUpload(input, limits);
  const deadline = limits ? Date.now() + limits.deadlineMs : Infinity;
  const overTime = () =>
    new UpskillError('DOCUMENT_TIMEOUT', `${name}: reading the roster took over ${limits!.deadlineMs / 1000} s`, {
      hint: 'Import a roster this large with `upskill org import <file>`.',
    });
  const stream = () => ('path' in input ? createReadStream(input.path) : Readable.from([Buffer.from(input.bytes)]));
  if (format === 'csv') {
    const parser = stream().pipe(
      parse({
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
        trim: true,
        delimiter: detectDelimiter(sampleOf(input)),
      }),
    );
    try {
      for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        if (Date.now() > deadline) throw overTime();
        yield { line: record.info.lines, cells: record.record.map(toStorableText) };
      }
    } catch (error) {
      if (error instanceof UpskillError) throw error;
      const e = error as { message: string; lines?: number };
      throw new UpskillError('BAD_INPUT', `${name}, line ${e.lines ?? '?'}: the CSV cannot be read: ${e.message}`, {
        hint: 'Save the file again as CSV (UTF-8) from your spreadsheet.',
      });
    }
    return;
  }
  if ('bytes' in input) {
    if (limits) checkZipInflation(input.bytes, name, limits);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream(), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (Date.now() > deadline) throw overTime();
        const values = (row.values as unknown[]).slice(1).map(cellText);
        if (values.every((v) => v.trim() === '')) continue;
        yield { line: row.number, cells: values.map((v) => v.trim()) };
      }
      break; // the first worksheet is the roster
    }
  } catch (error) {
    if (error instanceof UpskillError) throw error;
    throw new UpskillError('DOCUMENT_CORRUPT', `${name}: the Excel file cannot be read: ${(error as Error).message}`, {
      hint: 'Open it in Excel or LibreOffice and save it again as .xlsx.',
    });
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Turns cells into a record, or says every problem of the row with its column. */
export function toRecord(
  file: string,
  line: number,
  cells: readonly string[],
  columns: readonly ColumnMapping[],
  resolveSkill: SkillResolver,
): { record?: RosterRecord; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const get = (field: RosterField): { value: string; header: string } | undefined => {
    const column = columns.find((c) => c.field === field);
    return column ? { value: (cells[column.index] ?? '').trim(), header: column.header } : undefined;
  };
  const text = (field: RosterField): string | null => get(field)?.value || null;
  const number = (field: RosterField, max: number): number | null => {
    const cell = get(field);
    if (!cell || cell.value === '') return null;
    const value = Number(cell.value.replace(',', '.'));
    if (!Number.isFinite(value) || value < 0 || value > max) {
      problems.push({ file, line, column: cell.header, message: `"${cell.value}" is not a number from 0 to ${max}` });
      return null;
    }
    return value;
  };
  const key = get('personKey');
  if (!key?.value) problems.push({ file, line, column: key?.header ?? null, message: 'the person id is missing' });
  const title = get('title');
  if (!title?.value) problems.push({ file, line, column: title?.header ?? null, message: 'the job title is missing' });
  const email = text('email');
  if (email && !EMAIL.test(email))
    problems.push({ file, line, column: get('email')!.header, message: `"${email}" is not an e-mail address` });
  const yearsInRole = number('yearsInRole', 80);
  const learningHoursPerWeek = number('learningHoursPerWeek', 40);

  const skills = new Map<string, number>();
  const unknownSkills: string[] = [];
  const addSkill = (skill: RosterSkill, header: string) => {
    if (skill.level < 0 || skill.level > 4) {
      problems.push({ file, line, column: header, message: `level ${skill.level} of "${skill.name}" is not 0–4` });
      return;
    }
    const id = resolveSkill(skill.name);
    if (!id) unknownSkills.push(skill.name);
    else skills.set(id, Math.max(skills.get(id) ?? 0, skill.level));
  };
  const list = get('skills');
  if (list?.value) {
    const parsed = parseSkillList(list.value);
    for (const item of parsed.bad)
      problems.push({ file, line, column: list.header, message: `"${item}": the level is not 0–4 or a level name` });
    for (const skill of parsed.skills) addSkill(skill, list.header);
  }
  for (const column of columns) {
    if (!column.field?.startsWith('skill:')) continue;
    const cell = (cells[column.index] ?? '').trim();
    if (!cell) continue;
    const level = parseLevel(cell);
    if (level === undefined) {
      problems.push({ file, line, column: column.header, message: `"${cell}" is not a level 0–4 or a level name` });
      continue;
    }
    skills.set(column.field.slice(6), Math.max(skills.get(column.field.slice(6)) ?? 0, level));
  }
  if (problems.length) return { problems };
  return {
    problems,
    record: {
      line,
      personKey: key!.value,
      name: text('name'),
      email: email?.toLowerCase() ?? null,
      title: title!.value,
      team: text('team'),
      department: text('department'),
      managerKey: text('managerKey'),
      level: text('level'),
      yearsInRole,
      location: text('location'),
      learningHoursPerWeek,
      target: text('target'),
      skills: [...skills].map(([skillId, level]) => ({ skillId, level })),
      unknownSkills,
    },
  };
}

export interface RosterReadResult {
  file: string;
  format: RosterFormat;
  columns: ColumnMapping[];
}

/**
 * Streams a roster: finds the header's columns, then hands each good record (and each bad row's
 * problems, with file, line and column) to the callbacks. Rows with a person id seen earlier in the
 * same file are refused.
 */
export async function readRoster(
  input: RosterInput,
  options: {
    explicit: ReadonlyMap<string, ColumnMapping['field']>;
    resolveSkill: SkillResolver;
    limits?: RosterLimits;
    onRecord: (record: RosterRecord) => Promise<void> | void;
    onProblem: (problem: RowProblem) => void;
    /** Stop after this many data rows (the preview). */
    maxRows?: number;
    onColumns?: (columns: ColumnMapping[]) => void;
  },
): Promise<RosterReadResult & { rows: number }> {
  const file = nameOf(input);
  const format = formatOf(file);
  let columns: ColumnMapping[] | undefined;
  const seen = new Set<string>();
  let rows = 0;
  for await (const { line, cells } of readRosterRows(input, options.limits)) {
    if (!columns) {
      columns = mapColumns(cells, options.explicit, options.resolveSkill);
      options.onColumns?.(columns);
      const missing = (['personKey', 'title'] as const).filter((f) => !columns!.some((c) => c.field === f));
      if (missing.length && options.maxRows === undefined)
        throw new UpskillError(
          'BAD_INPUT',
          `${file}, line ${line}: no column is the ` +
            `${missing.map((f) => (f === 'personKey' ? 'person id' : 'job title')).join(' or the ')} ` +
            `(columns: ${cells.join(', ')}).`,
          { hint: 'Name the column with --map, e.g. --map "Staff no=personKey" --map "Position=title".' },
        );
      continue;
    }
    if (options.maxRows !== undefined && rows >= options.maxRows) break;
    rows += 1;
    const { record, problems } = toRecord(file, line, cells, columns, options.resolveSkill);
    if (record && seen.has(record.personKey)) {
      const column = columns.find((c) => c.field === 'personKey')!.header;
      options.onProblem({ file, line, column, message: `person id "${record.personKey}" is on an earlier line too` });
      continue;
    }
    for (const problem of problems) options.onProblem(problem);
    if (record) {
      seen.add(record.personKey);
      await options.onRecord(record);
    }
  }
  if (!columns) throw new UpskillError('DOCUMENT_EMPTY', `${file}: the roster has no header row`);
  return { file, format, columns, rows };
}
